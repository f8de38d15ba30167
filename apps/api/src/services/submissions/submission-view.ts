// What sellers and staff read about a submission.
import { MAX_COUNTER_ROUNDS, submissionRejectReasons } from '@marketdesk/domain';
import type { SubmissionItemRecord, SubmissionRecord } from '../../repositories/submission-repository.js';

/**
 * Staff see where each bought item went (its house-shop listing and sale price); the seller sees what
 * was bought, for how much and when it was paid — not the shop's resale price or its inventory.
 */
export type SubmissionAudience = 'seller' | 'staff';

export function submissionView(s: SubmissionRecord, items: SubmissionItemRecord[], now: Date, audience: SubmissionAudience) {
  const staff = audience === 'staff';
  const quoteOpen = s.state === 'quoted' && s.quoteExpiresAt !== null && s.quoteExpiresAt > now;
  return {
    id: s.id,
    seller: { id: s.sellerId, name: s.sellerName },
    state: s.state,
    version: s.version,
    currency: s.currency,
    indicativeMinor: s.indicativeMinor,
    quoteMinor: s.quoteMinor,
    counterMinor: s.counterMinor,
    agreedMinor: s.agreedMinor,
    counterRounds: s.counterRounds,
    counterRoundsLeft: Math.max(0, MAX_COUNTER_ROUNDS - s.counterRounds),
    quoteExpiresAt: s.quoteExpiresAt,
    /** The seller can still accept, decline or counter the offer. */
    offerOpen: quoteOpen,
    note: s.note,
    rejection: s.rejectReason ? { reason: s.rejectReason, label: submissionRejectReasons[s.rejectReason as keyof typeof submissionRejectReasons] ?? s.rejectReason, note: s.rejectNote } : null,
    infoRequest: s.infoRequest,
    infoResponse: s.infoResponse,
    /** The house shop bought the accepted items: paid to the seller's available balance at `paidAt`. */
    purchase: s.purchaseMinor !== null && s.purchasedAt ? { amountMinor: s.purchaseMinor, currency: s.currency, paidAt: s.purchasedAt, itemCount: items.filter((i) => i.listingId).length } : null,
    items: items.map((i) => ({
      id: i.id,
      artist: i.artist,
      title: i.title,
      format: i.format,
      grade: i.grade,
      askingMinor: i.askingMinor,
      referenceMinor: i.referenceMinor,
      referenceSource: i.referenceSource,
      indicativeOfferMinor: i.indicativeOfferMinor,
      offerMinor: i.offerMinor,
      counterMinor: i.counterMinor,
      sellPriceMinor: staff ? i.sellPriceMinor : null,
      declined: i.declined,
      imageIds: i.imageIds,
      /** Bought by the house shop (for the seller); the listing it became is for staff only. */
      bought: i.listingId !== null,
      boughtForMinor: i.listingId !== null ? (i.counterMinor ?? i.offerMinor) : null,
      listingId: staff ? i.listingId : null,
    })),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
