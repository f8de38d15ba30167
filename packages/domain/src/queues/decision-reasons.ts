// Why staff refuse something, per queue: the list the reject dialogs offer, and the text the
// other party sees. Submissions keep their own list (submission-offers.ts); every queue's list
// ends with `other`, which needs a note.
import { z } from 'zod';
import type { QueueName } from '../events/rooms.js';
import { submissionRejectReasons } from './submission-offers.js';

const other = 'Other (see the note)';

export const queueRejectReasons = {
  submissions: submissionRejectReasons,
  listings: {
    prohibited: 'This item is not allowed on Marketdesk',
    misleading: 'The title or description does not match the item',
    photos: 'The photos do not show the item clearly enough',
    price: 'The price looks like a mistake',
    duplicate: 'This duplicates another listing',
    other,
  },
  kyc: {
    unreadable: 'The documents could not be read',
    mismatch: 'The details do not match the documents',
    expired: 'The identity document has expired',
    unsupported: 'This kind of document is not accepted',
    suspected_fraud: 'We could not verify this identity',
    other,
  },
  payouts: {
    open_dispute: 'An open dispute needs the money held back',
    account_mismatch: 'The bank account does not match the seller',
    suspected_fraud: 'The sales behind this payout are under review',
    other,
  },
  fraud: {
    stolen_card: 'The card looks stolen',
    fake_account: 'The account looks fake or taken over',
    suspicious_pattern: 'The ordering pattern looks like fraud',
    confirmed_fraud: 'Confirmed fraud',
    other,
  },
  disputes: { other },
} as const satisfies Record<QueueName, Record<string, string>>;

export type QueueRejectReason<Q extends QueueName> = keyof (typeof queueRejectReasons)[Q] & string;

/** The reasons a queue offers, as a list for a picker. */
export function rejectReasonOptions(queue: QueueName): { code: string; label: string }[] {
  return Object.entries(queueRejectReasons[queue]).map(([code, label]) => ({ code, label }));
}

export const isRejectReason = (queue: QueueName, reason: string): boolean => Object.hasOwn(queueRejectReasons[queue], reason);

/** What the other party reads: the reason's label, and the note when there is one. */
export function reasonText(queue: QueueName, reason: string, note: string | null | undefined): string {
  const label = (queueRejectReasons[queue] as Record<string, string>)[reason] ?? other;
  return note?.trim() ? `${label}: ${note.trim()}` : label;
}

/** The queue that takes a staff counter-offer: only a submission has per-item prices to set. */
export const counterOfferQueue = 'submissions' satisfies QueueName;

/**
 * A decision on a queue item, carried with the row's version (see queue-rules): accept, reject
 * (a reason from the queue's list), ask for information, or — on the `submissions` queue only —
 * counter with our own price per item (0 leaves an item out of the offer).
 */
export const queueDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept') }),
  z.object({ decision: z.literal('reject'), reason: z.string().min(1).max(40), note: z.string().trim().max(1000).default('') }),
  z.object({ decision: z.literal('request_info'), message: z.string().trim().min(1, 'Say what you need').max(2000) }),
  z.object({
    decision: z.literal('counter'),
    items: z.array(z.object({ itemId: z.string().uuid(), offerMinor: z.number().int().min(0).max(10_000_000) })).min(1, 'Price at least one item').max(50),
  }),
]);
export type QueueDecision = z.infer<typeof queueDecisionSchema>;
/** The decisions every decidable queue takes (the counter-offer is the submissions queue's own). */
export type CommonQueueDecision = Exclude<QueueDecision, { decision: 'counter' }>;
