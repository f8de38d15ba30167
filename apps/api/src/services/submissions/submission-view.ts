// What sellers and staff read about a submission, and what the seller may answer now: the
// submission machine under their grants, narrowed by the answers' own rules below, which
// respondToOffer and provideInfo enforce — one place for both.
import { availableActions, can, MAX_COUNTER_ROUNDS, stateLabel, submissionMachine, submissionRejectReasons, type MachineAction, type MachineActor, type SubmissionState } from '@marketdesk/domain';
import { AppError } from '../../errors/app-error.js';
import type { SubmissionItemRecord, SubmissionRecord } from '../../repositories/submission-repository.js';
import { submissionSnapshot, type SubmissionSettings } from './submission-aggregate.js';

/**
 * The seller's answers, by the machine command each runs: submissions.respond takes accept, counter
 * and `decline` (withdraw); `provide_info` is submissions.provideInfo, an answer beside the machine.
 */
export const sellerSubmissionCommands = ['accept', 'counter', 'withdraw'] as const;
export type SubmissionAction = MachineAction<(typeof sellerSubmissionCommands)[number] | 'provide_info'>;

const formatWhen = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/**
 * Why the seller may not send this answer now although the machine would take it (null: nothing
 * beyond the machine). An offer past its time is expired even before its timer has run; a counter
 * needs a round left; accepted goods are already listed, so walking away from them is a support case.
 */
export function sellerAnswerRefusal(s: Pick<SubmissionRecord, 'state' | 'quoteExpiresAt' | 'counterRounds'>, command: (typeof sellerSubmissionCommands)[number], now: Date): AppError | null {
  if (command === 'withdraw') {
    return s.state === 'accepted' ? new AppError('CONFLICT', 'This submission was accepted and its items are listed; contact support to withdraw it.', { reason: 'ALREADY_ACCEPTED', state: s.state }) : null;
  }
  if (s.state !== 'quoted') return new AppError('CONFLICT', `There is no open offer to answer (the submission is ${s.state.replace(/_/g, ' ')}).`, { reason: 'NO_OPEN_OFFER', state: s.state });
  if (s.quoteExpiresAt && s.quoteExpiresAt <= now) {
    return new AppError('CONFLICT', `This offer expired at ${formatWhen(s.quoteExpiresAt)} and can no longer be accepted or countered.`, { reason: 'QUOTE_EXPIRED', expiredAt: s.quoteExpiresAt });
  }
  if (command === 'counter' && s.counterRounds >= MAX_COUNTER_ROUNDS) {
    return new AppError('BAD_REQUEST', `You have used all ${MAX_COUNTER_ROUNDS} counter-offers; accept or decline the offer.`, { field: 'items', itemId: null });
  }
  return null;
}

/** Staff asked the seller something they have not answered yet (what submissions.provideInfo answers). */
export const awaitsSellerInfo = (s: Pick<SubmissionRecord, 'infoRequest' | 'infoResponse'>): boolean => !!s.infoRequest && !s.infoResponse;

export const provideInfoAction: SubmissionAction = { command: 'provide_info', label: 'Send answer' };

/** What this viewer may do with the submission now; staff decide on the queue row (queues.decide), so theirs is empty. */
export function submissionActions(s: SubmissionRecord, itemCount: number, viewer: MachineActor, settings: SubmissionSettings, now: Date): SubmissionAction[] {
  const snapshot = submissionSnapshot(s, itemCount, null, settings);
  const answers: SubmissionAction[] = availableActions(submissionMachine, snapshot, viewer, sellerSubmissionCommands).filter((a) => !sellerAnswerRefusal(s, a.command, now));
  // Only the seller answers, under the grant submissions.respond and provideInfo ask for.
  const seller = s.sellerId === viewer.id && can(viewer, 'submissions.create', { kind: 'submission', sellerId: s.sellerId });
  return seller && awaitsSellerInfo(s) ? [...answers, provideInfoAction] : answers;
}

/**
 * Staff see where each bought item went (its house-shop listing and sale price); the seller sees what
 * was bought, for how much and when it was paid — not the shop's resale price or its inventory.
 */
export type SubmissionAudience = 'seller' | 'staff';

export function submissionView(s: SubmissionRecord, items: SubmissionItemRecord[], _now: Date, audience: SubmissionAudience) {
  const staff = audience === 'staff';
  return {
    id: s.id,
    seller: { id: s.sellerId, name: s.sellerName },
    state: s.state as SubmissionState,
    stateLabel: stateLabel(submissionMachine, s.state),
    version: s.version,
    currency: s.currency,
    indicativeMinor: s.indicativeMinor,
    quoteMinor: s.quoteMinor,
    counterMinor: s.counterMinor,
    agreedMinor: s.agreedMinor,
    counterRounds: s.counterRounds,
    counterRoundsLeft: Math.max(0, MAX_COUNTER_ROUNDS - s.counterRounds),
    quoteExpiresAt: s.quoteExpiresAt,
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
