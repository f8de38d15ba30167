// The one decision path for every queue: accept / reject (with the queue's reasons) / request
// information — and, on the submissions queue, a counter-offer — on the row's version, whatever the
// subject is. Single decisions (queues.decide) and bulk actions both go through here (fraud: the
// order review queue); each subject's service does the real work.
import { counterOfferQueue, isRejectReason, rejectReasonOptions, type MachineActor, type QueueDecision, type QueueName } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { decideKycLocked } from '../kyc/decide-kyc.js';
import { decideListingLocked } from '../listings/listing-service.js';
import { decidePayoutLocked } from '../payouts/payout-service.js';
import { decideOrderReviewLocked } from '../risk/order-review.js';
import { decideSubmissionLocked } from '../submissions/decide-submission.js';
import type { SubmissionSettings } from '../submissions/submission-aggregate.js';
import { assertCanWork, type QueueActor } from './queue-access.js';

/** What some deciders need from outside (whether refunds can be promised, for rejections). */
export interface DeciderDeps {
  paymentsConfigured: boolean;
}

/** The queues decided here; disputes are decided from their own desk. */
const decidableQueues = ['submissions', 'listings', 'kyc', 'payouts', 'fraud'] as const satisfies readonly QueueName[];
type DecidableQueue = (typeof decidableQueues)[number];
export const isDecidable = (queue: string): queue is DecidableQueue => (decidableQueues as readonly string[]).includes(queue);

/**
 * Decides on a locked row of `queue`; refuses queues that decide elsewhere (disputes). The answer
 * names the queue and carries the row as it is now (`item`) and the subject's new state under its
 * own name: `submission`, `listing`, `check` (KYC), `payout` or `order` (fraud review).
 */
export async function decideRow(tx: EntityManager, actor: QueueActor & MachineActor, row: QueueItemRecord, version: number, decision: QueueDecision, settings: SubmissionSettings, now: Date, deps: DeciderDeps = { paymentsConfigured: false }) {
  const queue = row.queue;
  if (!isDecidable(queue)) throw new AppError('BAD_REQUEST', `Items in the ${queue} queue are decided from their own page.`, { field: 'queue' });
  if (decision.decision === 'reject') {
    if (!isRejectReason(queue, decision.reason)) throw new AppError('BAD_REQUEST', 'Choose a reason from the list.', { field: 'reason', options: rejectReasonOptions(queue).map((o) => o.code) });
    if (decision.reason === 'other' && !decision.note?.trim()) throw new AppError('BAD_REQUEST', 'Say why in the note when the reason is "Other".', { field: 'note' });
  }
  if (queue === counterOfferQueue) return { queue, ...(await decideSubmissionLocked(tx, actor, row, version, decision, settings, now)) };
  if (decision.decision === 'counter') {
    throw new AppError('BAD_REQUEST', `Only submissions take a counter-offer (they have a price per item); items in the ${queue} queue are accepted or rejected.`, { field: 'decision' });
  }
  switch (queue) {
    case 'listings':
      return { queue, ...(await decideListingLocked(tx, actor, row, version, decision, now)) };
    case 'kyc':
      return { queue, ...(await decideKycLocked(tx, actor, row, version, decision, now)) };
    case 'payouts':
      return { queue, ...(await decidePayoutLocked(tx, actor, row, version, decision, now)) };
    case 'fraud':
      return { queue, ...(await decideOrderReviewLocked(tx, deps.paymentsConfigured, actor, row, version, decision, now)) };
  }
}

/** What queues.decide answers: one member per queue, told apart by `queue`. */
export type QueueDecisionResult = Awaited<ReturnType<typeof decideRow>>;

export async function decideQueueItem(em: EntityManager, actor: QueueActor & MachineActor, input: { id: string; version: number } & QueueDecision, settings: SubmissionSettings, now: Date, deps: DeciderDeps = { paymentsConfigured: false }): Promise<QueueDecisionResult> {
  return em.transactional(async (tx) => {
    const row = await queueItemRepository.find(tx, input.id, { forUpdate: true });
    if (!row) throw new AppError('NOT_FOUND', 'This item is not in any queue.');
    assertCanWork(actor, row.queue);
    const { id: _id, version, ...decision } = input;
    return decideRow(tx, actor, row, version, decision as QueueDecision, settings, now, deps);
  });
}
