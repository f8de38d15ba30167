// What sellers and staff read about a submission.
import { MAX_COUNTER_ROUNDS, submissionRejectReasons } from '@marketdesk/domain';
import type { SubmissionItemRecord, SubmissionRecord } from '../../repositories/submission-repository.js';

export function submissionView(s: SubmissionRecord, items: SubmissionItemRecord[], now: Date) {
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
      sellPriceMinor: i.sellPriceMinor,
      declined: i.declined,
      imageIds: i.imageIds,
      listingId: i.listingId,
    })),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
