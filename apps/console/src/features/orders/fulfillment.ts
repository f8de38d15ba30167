// Fulfillment rules as the seller's console applies them: when delivery is due, what the tracking
// number field says while typing (the API's own carrier rules), and the proof-of-shipment upload
// (tRPC does not carry files). Who may do what to an order now comes with the order (`actions`).
//   POST /uploads/shipment-proofs   multipart `file` → 201 {id, contentType, bytes, scan}
// Errors come back as {error:{code,message}} (413 too large, 415 not a PDF/image or refused by the
// virus scanner, 503 scanner unavailable) with messages written for the seller.
import { documentAccept, formatBytes, uploadDocument, type UploadedDocument } from '@marketdesk/ui/app';
import { addBusinessDays, carrierIds, carriers, checkTracking, type Carrier } from '@marketdesk/domain';

const DAY_MS = 86_400_000;

export const carrierOptions = carrierIds.map((id) => ({ value: id, label: carriers[id].label }));

export function isCarrier(value: string | null | undefined): value is Carrier {
  return !!value && (carrierIds as string[]).includes(value);
}

/** When the order must be delivered: `slaDays` business days after payment (weekends skipped). */
export function deliveryDueAt(paidAt: Date | string | null, slaDays: number): Date | null {
  if (!paidAt) return null;
  return new Date(addBusinessDays(new Date(paidAt).getTime(), slaDays));
}

export type DueStatus = { tone: 'overdue' | 'soon' | 'ok'; label: string };

/** "Overdue by 2 days", "Due today", "Due in 3 days" — whole calendar days from now. */
export function dueStatus(dueAt: Date, now: Date): DueStatus {
  const days = Math.floor((dueAt.getTime() - now.getTime()) / DAY_MS);
  if (dueAt.getTime() < now.getTime()) {
    const late = Math.max(1, Math.ceil((now.getTime() - dueAt.getTime()) / DAY_MS));
    return { tone: 'overdue', label: `Overdue by ${late} ${late === 1 ? 'day' : 'days'}` };
  }
  if (days === 0) return { tone: 'soon', label: 'Due today' };
  return { tone: days <= 1 ? 'soon' : 'ok', label: `Due in ${days} ${days === 1 ? 'day' : 'days'}` };
}

/** The tracking field's live message: nothing while empty, the carrier's format rule when wrong. */
export function trackingFeedback(carrier: string | null, raw: string): { ok: boolean; message?: string; url?: string } {
  if (!raw.trim()) return { ok: false };
  if (!isCarrier(carrier)) return { ok: false, message: 'Pick the carrier first.' };
  const check = checkTracking(carrier, raw);
  return check.ok ? { ok: true, url: check.url } : { ok: false, message: check.message };
}

export type UploadedProof = UploadedDocument;
export const proofAccept = documentAccept;
export { formatBytes };

/** Send one proof file; resolves with the upload or rejects with a message for the seller. */
export function uploadShipmentProof(file: File, fetcher: typeof fetch = fetch): Promise<UploadedProof> {
  return uploadDocument('/uploads/shipment-proofs', 'A proof of shipment', file, fetcher);
}
