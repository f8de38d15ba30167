// How a KYC check reads to its seller and to reviewers, and what the seller may do about it now.
// Documents are links to the private file route, never storage keys.
import { availableActions, kycMachine, reasonText, stateLabel, type KycState, type MachineAction, type MachineActor } from '@marketdesk/domain';
import type { KycDocumentRecord, KycRecord } from '../../repositories/kyc-repository.js';
import { kycSnapshot } from './kyc-aggregate.js';
import { kycDocumentLabels } from './kyc-input.js';

/**
 * The seller's steps, by machine command: `submit` is kyc.submit (a new check, when there is none
 * or the last was rejected), `resubmit` is kyc.provideInfo (answering a reviewer's question).
 * Reviewers decide on the queue row (queues.decide), so they are offered nothing here.
 */
export const sellerKycCommands = ['submit', 'resubmit'] as const;
export type KycAction = MachineAction<(typeof sellerKycCommands)[number]>;

/**
 * What this viewer may do now about a seller's verification: with no check, or after a rejection, a
 * new check from the machine's first state; otherwise the latest check's next step.
 */
export function kycActions(latest: Pick<KycRecord, 'id' | 'sellerId' | 'state' | 'updatedAt'> | null, sellerId: string, viewer: MachineActor, now: Date): KycAction[] {
  const current = latest && latest.state !== 'rejected' ? latest : { id: '', sellerId, state: kycMachine.initial, updatedAt: now };
  return availableActions(kycMachine, kycSnapshot(current, null), viewer, current === latest ? ['resubmit'] : ['submit']);
}

export const kycDocumentUrl = (checkId: string, documentId: string) => `/files/kyc/${checkId}/documents/${documentId}`;

export function kycView(k: KycRecord, documents: KycDocumentRecord[]) {
  return {
    id: k.id,
    seller: { id: k.sellerId, name: k.sellerName },
    state: k.state as KycState,
    stateLabel: stateLabel(kycMachine, k.state),
    version: k.version,
    businessType: k.businessType,
    legalName: k.legalName,
    country: k.country,
    registrationNumber: k.registrationNumber,
    taxId: k.taxId,
    address: { line1: k.addressLine1, city: k.city, postalCode: k.postalCode, country: k.country },
    dateOfBirth: k.dateOfBirth,
    infoRequest: k.infoRequest,
    infoResponse: k.infoResponse,
    infoDueAt: k.infoDueAt,
    rejection: k.rejectReason ? { reason: k.rejectReason, text: reasonText('kyc', k.rejectReason, k.rejectNote) } : null,
    decidedAt: k.decidedAt,
    submittedAt: k.createdAt,
    updatedAt: k.updatedAt,
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, label: kycDocumentLabels[d.kind], contentType: d.contentType, url: kycDocumentUrl(k.id, d.id), uploadedAt: d.createdAt })),
  };
}
export type KycView = ReturnType<typeof kycView>;
