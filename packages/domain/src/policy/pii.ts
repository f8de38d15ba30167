// Masking personal data for viewers the policy does not entitle to it. Masks keep enough to
// recognise a record ("j***@g***.com", "***123") without revealing it.
import { type PolicyObject, can } from './permissions.js';
import type { Actor } from './roles.js';

export interface PostalAddress {
  name?: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
}

const MASK = '***';

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return MASK;
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const maskedDomain = dot > 0 ? `${domain[0]}${MASK}${domain.slice(dot)}` : MASK;
  return `${email[0]}${MASK}@${maskedDomain}`;
}

/** Keeps the formatting and the last three digits: "+44 7700 900123" → "+** **** ***123". */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.replace(/\d/g, (d) => (++seen > digits - 3 ? d : '*'));
}

/** "Jane Q. Doe" → "J. Q. D." */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]?.toUpperCase() ?? ''}.`)
    .join(' ');
}

/** Keeps city, region, country and the outward part of the postcode (enough for shipping estimates). */
export function maskAddress(address: PostalAddress): PostalAddress {
  const outward = address.postalCode.trim().split(/\s+/)[0] ?? '';
  const postalCode = address.postalCode.includes(' ') ? `${outward} ${MASK}` : `${outward.slice(0, 2)}${MASK}`;
  return {
    ...(address.name !== undefined ? { name: maskName(address.name) } : {}),
    line1: MASK,
    city: address.city,
    ...(address.region !== undefined ? { region: address.region } : {}),
    postalCode,
    country: address.country,
  };
}

export interface PiiFields {
  userId: string;
  email?: string;
  phone?: string;
  address?: PostalAddress;
  fullName?: string;
}

/**
 * Returns the record unchanged for viewers allowed `users.view_pii` on its subject (the person
 * themselves, an admin, an agent assigned to a case involving them), otherwise a masked copy.
 */
export function maskPii<T extends PiiFields>(record: T, viewer: Actor, options: { assignedAgentIds?: readonly string[] } = {}): T {
  const subject: PolicyObject = { kind: 'user', userId: record.userId, ...(options.assignedAgentIds ? { assignedAgentIds: options.assignedAgentIds } : {}) };
  if (can(viewer, 'users.view_pii', subject)) return record;
  return {
    ...record,
    ...(record.email !== undefined ? { email: maskEmail(record.email) } : {}),
    ...(record.phone !== undefined ? { phone: maskPhone(record.phone) } : {}),
    ...(record.address !== undefined ? { address: maskAddress(record.address) } : {}),
    ...(record.fullName !== undefined ? { fullName: maskName(record.fullName) } : {}),
  };
}
