// Fulfillment rules as the seller's console applies them: when delivery is due, what the tracking
// number field says while typing (the API's own carrier rules), who may do what to an order (the
// domain policy and order machine), and the proof-of-shipment upload (tRPC does not carry files).
//   POST /uploads/shipment-proofs   multipart `file` → 201 {id, contentType, bytes, scan}
// Errors come back as {error:{code,message}} (413 too large, 415 not a PDF/image or refused by the
// virus scanner, 503 scanner unavailable) with messages written for the seller.
import { documentAccept, formatBytes, uploadDocument, type UploadedDocument } from '@marketdesk/ui/app';
import { addBusinessDays, can, carrierIds, carriers, checkTracking, type Carrier, type Role } from '@marketdesk/domain';

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

interface Viewer {
  id: string;
  roles: Role[];
}
interface OrderParties {
  state: string;
  buyer: { id: string };
  seller: { id: string };
}

/** What this person may do to the order now (the API decides again; this keeps buttons honest). */
export function fulfillmentActions(viewer: Viewer | null | undefined, order: OrderParties) {
  if (!viewer) return { ship: false, cancel: false, markDelivered: false };
  const object = { kind: 'order' as const, buyerId: order.buyer.id, sellerId: order.seller.id };
  const ships = can(viewer, 'orders.ship', object);
  const cancels = can(viewer, 'orders.cancel', object);
  return {
    ship: order.state === 'paid' && ships,
    cancel: order.state === 'paid' && cancels,
    markDelivered: order.state === 'shipped' && (ships || cancels),
  };
}

export type UploadedProof = UploadedDocument;
export const proofAccept = documentAccept;
export { formatBytes };

/** Send one proof file; resolves with the upload or rejects with a message for the seller. */
export function uploadShipmentProof(file: File, fetcher: typeof fetch = fetch): Promise<UploadedProof> {
  return uploadDocument('/uploads/shipment-proofs', 'A proof of shipment', file, fetcher);
}
