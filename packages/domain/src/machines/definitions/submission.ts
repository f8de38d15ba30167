// Seller submissions ("record store" seed): a seller offers goods, staff claim and price them
// (see pricing/quote.ts), the seller accepts or counters, and accepted goods are received and listed.
import { z } from 'zod';
import type { CurrencyCode } from '../../money/currency.js';
import { DAY_MS } from '../../units.js';
import { defineMachine } from '../define.js';
import type { CommandCatalogue } from '../types.js';
import { actorIdOf, emptyPayload, payloadField, positiveMinor, reasonPayload } from './shared.js';

export type SubmissionState =
  | 'draft' | 'submitted' | 'in_review' | 'quoted' | 'countered'
  | 'accepted' | 'rejected' | 'expired' | 'withdrawn' | 'received' | 'listed';

export interface SubmissionContext {
  submissionId: string;
  sellerId: string;
  itemCount: number;
  currency: CurrencyCode;
  /** The staff member who claimed it; only they (or an admin) may decide. */
  reviewerId?: string;
  quoteMinor?: number;
  counterMinor?: number;
  agreedMinor?: number;
  counterRounds: number;
  /** How long a quote stays open before it expires. */
  quoteValidForMs: number;
}

/** Haggling ends somewhere: after this many counter-offers the seller must accept or walk away. */
export const MAX_COUNTER_ROUNDS = 3;
export const defaultQuoteValidForMs = 7 * DAY_MS;

const submissionCommands = {
  submit: { label: 'Submit', payload: emptyPayload },
  claim: { label: 'Claim', payload: emptyPayload },
  release: { label: 'Release', payload: emptyPayload },
  quote: { label: 'Quote', payload: z.object({ quoteMinor: positiveMinor }) },
  requote: { label: 'Requote', payload: z.object({ quoteMinor: positiveMinor }) },
  counter: { label: 'Counter', payload: z.object({ counterMinor: positiveMinor }) },
  accept: { label: 'Accept', payload: emptyPayload },
  accept_counter: { label: 'Accept counter', payload: emptyPayload },
  reject: { label: 'Reject', payload: reasonPayload },
  expire: { label: 'Expire', payload: emptyPayload },
  withdraw: { label: 'Withdraw', payload: emptyPayload },
  mark_received: { label: 'Mark received', payload: emptyPayload },
  list: { label: 'List', payload: emptyPayload },
} satisfies CommandCatalogue;

// The seller offers, haggles and walks away on their own submissions (`submissions.create`, theirs
// alone); reviewers decide what they claimed (`submissions.decide`: agents `assigned`, admins any);
// whoever works the queue (`submissions.claim`) claims, receives and lists.
const sellers = { permission: 'submissions.create', party: 'seller', partyOnly: true } as const;
const deciders = { permission: 'submissions.decide' } as const;
const workers = { permission: 'submissions.claim' } as const;
const withdraw = { to: 'withdrawn', ...sellers, emits: ['submission.withdrawn'] } as const;
const reject = { to: 'rejected', ...deciders, emits: ['submission.rejected'] } as const;

export const submissionMachine = defineMachine<SubmissionState, typeof submissionCommands, SubmissionContext>({
  id: 'submission',
  label: 'Submission',
  initial: 'draft',
  commands: submissionCommands,
  policyObject: (c) => ({ kind: 'submission', sellerId: c.sellerId, ...(c.reviewerId ? { reviewerId: c.reviewerId } : {}) }),
  states: {
    draft: {
      label: 'Draft',
      on: {
        submit: {
          to: 'submitted', ...sellers, guardLabel: 'has items', emits: ['submission.submitted'],
          guard: (c) => (c.itemCount > 0 ? null : { reason: 'NO_ITEMS', message: 'Add at least one item before submitting' }),
        },
        withdraw,
      },
    },
    submitted: {
      label: 'Submitted',
      on: {
        claim: { to: 'in_review', ...workers, claims: true, assign: (c, _p, actor) => ({ ...c, reviewerId: actor.id }), emits: ['submission.claimed'] },
        withdraw,
      },
    },
    in_review: {
      label: 'In review',
      on: {
        quote: { to: 'quoted', ...deciders, assign: (c, p) => ({ ...c, quoteMinor: p.quoteMinor }), emits: ['submission.quoted'] },
        reject,
        release: { to: 'submitted', ...deciders, assign: ({ reviewerId: _r, ...c }) => c, emits: ['submission.released'] },
        withdraw,
      },
    },
    quoted: {
      label: 'Quoted',
      onEnter: [{ timer: 'submission.quoteExpiry', command: 'expire', afterMs: (c) => c.quoteValidForMs }],
      on: {
        accept: { to: 'accepted', ...sellers, assign: (c) => ({ ...c, agreedMinor: c.quoteMinor }), emits: ['submission.accepted'] },
        counter: {
          to: 'countered', ...sellers, guardLabel: 'higher, rounds left', emits: ['submission.countered'],
          guard: (c, p) =>
            c.counterRounds >= MAX_COUNTER_ROUNDS ? { reason: 'TOO_MANY_COUNTERS', message: `At most ${MAX_COUNTER_ROUNDS} counter-offers; accept or withdraw` }
            : p.counterMinor <= (c.quoteMinor ?? 0) ? { reason: 'COUNTER_NOT_HIGHER', message: 'A counter-offer must be higher than the quote' }
            : null,
          assign: (c, p) => ({ ...c, counterMinor: p.counterMinor, counterRounds: c.counterRounds + 1 }),
        },
        withdraw,
        expire: { to: 'expired', system: true, emits: ['submission.expired'] },
      },
    },
    countered: {
      label: 'Countered',
      on: {
        requote: {
          to: 'quoted', ...deciders, guardLabel: 'below counter', emits: ['submission.quoted'],
          guard: (c, p) => (p.quoteMinor < (c.counterMinor ?? 0) ? null : { reason: 'MEETS_COUNTER', message: 'This meets the counter-offer; accept the counter instead' }),
          assign: (c, p) => ({ ...c, quoteMinor: p.quoteMinor }),
        },
        accept_counter: { to: 'accepted', ...deciders, assign: (c) => ({ ...c, agreedMinor: c.counterMinor }), emits: ['submission.accepted'] },
        reject,
        withdraw,
      },
    },
    accepted: {
      label: 'Accepted',
      on: {
        mark_received: { to: 'received', ...workers, emits: ['submission.received'] },
        withdraw,
      },
    },
    received: { label: 'Received', on: { list: { to: 'listed', ...workers, emits: ['submission.listed'] } } },
    listed: { label: 'Listed', terminal: true },
    rejected: { label: 'Rejected', terminal: true },
    expired: { label: 'Expired', terminal: true },
    withdrawn: { label: 'Withdrawn', terminal: true },
  },
  eventPayload(name, info) {
    const c = info.context;
    const base = { submissionId: c.submissionId, sellerId: c.sellerId, from: info.from, to: info.to, actorId: actorIdOf(info.actor) };
    switch (name) {
      case 'submission.submitted':
        return { ...base, itemCount: c.itemCount };
      case 'submission.claimed':
        return { ...base, reviewerId: c.reviewerId };
      case 'submission.quoted':
        return { ...base, currency: c.currency, quoteMinor: c.quoteMinor, expiresAtMs: info.nowMs + c.quoteValidForMs };
      case 'submission.countered':
        return { ...base, currency: c.currency, counterMinor: c.counterMinor };
      case 'submission.accepted':
        return { ...base, currency: c.currency, agreedMinor: c.agreedMinor };
      case 'submission.rejected':
        return { ...base, reason: payloadField<string>(info.payload, 'reason') };
      default:
        return base;
    }
  },
});

/**
 * How a submission's state reads to its seller, and what it asks of them: deliberately the seller's
 * wording (staff read the machine's labels). Keyed by the machine's states, so a new state does not
 * compile until the seller's wording for it is written.
 */
export const submissionSellerWording: { readonly [S in SubmissionState]: { readonly label: string; readonly next: string } } = {
  draft: { label: 'Draft', next: 'Send the submission when your records are in it.' },
  submitted: { label: 'Waiting for review', next: 'Our team will look at your records soon.' },
  in_review: { label: 'In review', next: 'A reviewer is looking at your records.' },
  quoted: { label: 'Offer waiting for you', next: 'Accept, withdraw or counter the offer before it expires.' },
  countered: { label: 'Counter-offer sent', next: 'We are looking at your counter-offer.' },
  accepted: { label: 'Bought', next: 'We bought your records: the agreed price is on your balance.' },
  rejected: { label: 'Rejected', next: 'We are not taking these records this time.' },
  expired: { label: 'Offer expired', next: 'The offer ran out before it was accepted.' },
  withdrawn: { label: 'Withdrawn', next: 'You withdrew this submission.' },
  received: { label: 'Received', next: 'We have your records.' },
  listed: { label: 'Listed', next: 'Your records are in the shop.' },
};
