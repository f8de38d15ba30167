// How a KYC check reads to its seller and to reviewers. Documents are links to the private file
// route, never storage keys.
import { reasonText } from '@marketdesk/domain';
import type { KycDocumentRecord, KycRecord } from '../../repositories/kyc-repository.js';
import { kycDocumentLabels } from './kyc-input.js';

export const kycDocumentUrl = (checkId: string, documentId: string) => `/files/kyc/${checkId}/documents/${documentId}`;

export function kycView(k: KycRecord, documents: KycDocumentRecord[]) {
  return {
    id: k.id,
    seller: { id: k.sellerId, name: k.sellerName },
    state: k.state,
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
