// Server-side masking of personal data in what the API returns. The rule (docs/architecture.md rule 5):
// a person always sees their own data; anyone else sees it only when the policy grants
// `users.view_pii` on that person (admins: any; agents: people in cases assigned to them), and
// otherwise a masked copy that still lets staff recognise the record. Staff who hold the grant can
// ask for the clear value through `pii.reveal`, which is audited.
import { can, hasRole, isStaff, maskAddress, maskEmail, maskName, maskPhone, type Actor } from '@marketdesk/domain';
import type { KycView } from '../kyc/kyc-view.js';

export const MASKED = '***';

export function mayViewPiiOf(viewer: Actor, userId: string, assignedAgentIds: readonly string[] = []): boolean {
  return viewer.id === userId || can(viewer, 'users.view_pii', { kind: 'user', userId, assignedAgentIds });
}

export interface NamedPerson {
  id: string;
  displayName: string;
  roles: readonly string[];
}

/**
 * How staff tools (audit log, ledger, people pickers) name a person. A seller's shop name and a
 * staff member's name are the names they work under in public, shown as they are; anyone else's
 * name is personal data, shown as initials ("B. B.") unless the viewer may see that person's data.
 */
export function personName(viewer: Actor, person: NamedPerson): { name: string; nameMasked: boolean } {
  const working = hasRole({ id: person.id, roles: person.roles }, 'seller') || isStaff({ id: person.id, roles: person.roles, grants: viewer.grants });
  if (working || mayViewPiiOf(viewer, person.id)) return { name: person.displayName, nameMasked: false };
  return { name: maskName(person.displayName), nameMasked: true };
}

/** Keeps the last three characters (enough to match against a document someone reads out). */
export function maskIdentifier(value: string | null): string | null {
  return value === null ? null : value.length <= 3 ? MASKED : `${MASKED}${value.slice(-3)}`;
}

/** A KYC check as a viewer not entitled to the seller's data sees it: no documents, nothing identifying. */
export function maskKycView(view: KycView, viewer: Actor, assignedAgentIds: readonly string[]): KycView & { piiMasked: boolean } {
  if (mayViewPiiOf(viewer, view.seller.id, assignedAgentIds)) return { ...view, piiMasked: false };
  return {
    ...view,
    legalName: maskName(view.legalName),
    registrationNumber: maskIdentifier(view.registrationNumber),
    taxId: maskIdentifier(view.taxId),
    address: { line1: MASKED, city: view.address.city, postalCode: `${view.address.postalCode.slice(0, 2)}${MASKED}`, country: view.address.country },
    dateOfBirth: view.dateOfBirth ? MASKED : view.dateOfBirth,
    documents: view.documents.map((d) => ({ ...d, url: '' })),
    piiMasked: true,
  };
}

export interface ShippingAddressLike {
  name: string;
  line1: string;
  line2?: string | undefined;
  city: string;
  postalCode: string;
  country: string;
  phone?: string | undefined;
}

/** An order's shipping address for staff: recognisable (city, country, outward postcode) but not usable. */
export function maskShippingAddress<A extends ShippingAddressLike>(address: A): A {
  const masked = maskAddress({ name: address.name, line1: address.line1, city: address.city, postalCode: address.postalCode, country: address.country });
  return { ...address, name: masked.name ?? MASKED, line1: MASKED, ...(address.line2 ? { line2: MASKED } : {}), postalCode: masked.postalCode, ...(address.phone ? { phone: maskPhone(address.phone) } : {}) };
}

export { maskEmail };
