// Submission decisions the triage console offers: reasons to reject, and the limits on a seller's
// counter-offer (per item, between our offer and what they originally asked).
import { z } from 'zod';
import { MAX_COUNTER_ROUNDS } from '../machines/definitions/submission.js';

export const submissionRejectReasons = {
  not_buying: 'We are not buying this kind of item right now',
  condition: 'The condition is below what we can sell',
  low_value: 'The items are worth too little to handle',
  authenticity: 'We could not confirm the items are genuine',
  photos: 'The photos do not show the items clearly enough',
  duplicate: 'This duplicates another submission',
  other: 'Other (see the note)',
} as const;
export type SubmissionRejectReason = keyof typeof submissionRejectReasons;
export const submissionRejectReasonSchema = z.enum(Object.keys(submissionRejectReasons) as [SubmissionRejectReason, ...SubmissionRejectReason[]]);

export interface OfferLine {
  itemId: string;
  /** What we offer now for this item. */
  offerMinor: number;
  /** What the seller asked when submitting. */
  askingMinor: number;
}

export type CounterCheck = { ok: true; totalMinor: number } | { ok: false; itemId: string | null; message: string };

/**
 * A seller's counter names a price per item. Each must be at least our offer for it and at most
 * the larger of what they asked and our offer (a counter cannot ask for more than the original
 * asking price); together they must beat the current offer, within the allowed rounds.
 */
export function checkSellerCounter(lines: readonly OfferLine[], counter: readonly { itemId: string; counterMinor: number }[], roundsUsed: number): CounterCheck {
  if (roundsUsed >= MAX_COUNTER_ROUNDS) return { ok: false, itemId: null, message: `You have used all ${MAX_COUNTER_ROUNDS} counter-offers; accept or decline the offer.` };
  const byId = new Map(counter.map((c) => [c.itemId, c.counterMinor]));
  if (byId.size !== counter.length) return { ok: false, itemId: null, message: 'Name each item once.' };
  let totalMinor = 0;
  let offerTotal = 0;
  for (const line of lines) {
    const asked = byId.get(line.itemId) ?? line.offerMinor;
    byId.delete(line.itemId);
    const ceiling = Math.max(line.askingMinor, line.offerMinor);
    if (asked < line.offerMinor) return { ok: false, itemId: line.itemId, message: 'A counter-offer cannot be below our offer for an item.' };
    if (asked > ceiling) return { ok: false, itemId: line.itemId, message: 'A counter-offer cannot ask more than your original asking price.' };
    totalMinor += asked;
    offerTotal += line.offerMinor;
  }
  if (byId.size > 0) return { ok: false, itemId: [...byId.keys()][0] ?? null, message: 'That item is not part of this submission.' };
  if (totalMinor <= offerTotal) return { ok: false, itemId: null, message: 'A counter-offer must ask for more than the current offer.' };
  return { ok: true, totalMinor };
}
