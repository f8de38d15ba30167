// One decision entry point for every queue: accept / reject (with the queue's reasons) / request
// information, on the row's version, whatever the subject is. Single decisions (queues.decide)
// and bulk actions both go through here (fraud: the order review queue); each subject's service does the real work.
import { isRejectReason, rejectReasonOptions, type MachineActor, type QueueDecision, type QueueName } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { decideKycLocked } from '../kyc/decide-kyc.js';
import { decideListingLocked } from '../listings/listing-service.js';
import { decidePayoutLocked } from '../payouts/payout-service.js';
import { decideOrderReviewLocked } from '../risk/order-review.js';
import { decideLocked as decideSubmissionLocked } from '../submissions/decide-submission.js';
import type { SubmissionSettings } from '../submissions/submission-aggregate.js';
import { assertCanWork, type QueueActor } from './queue-access.js';

/** What some deciders need from outside (whether refunds can be promised, for rejections). */
export interface DeciderDeps {
  paymentsConfigured: boolean;
}

type Decider = (tx: EntityManager, actor: QueueActor & MachineActor, row: QueueItemRecord, version: number, decision: QueueDecision, settings: SubmissionSettings, now: Date, deps: DeciderDeps) => Promise<{ item: unknown }>;

const deciders: Partial<Record<QueueName, Decider>> = {
  submissions: (tx, actor, row, version, decision, settings, now) => decideSubmissionLocked(tx, actor, row, version, decision as never, settings, now),
  listings: (tx, actor, row, version, decision, _settings, now) => decideListingLocked(tx, actor, row, version, decision, now),
  kyc: (tx, actor, row, version, decision, _settings, now) => decideKycLocked(tx, actor, row, version, decision, now),
  payouts: (tx, actor, row, version, decision, _settings, now) => decidePayoutLocked(tx, actor, row, version, decision, now),
  fraud: (tx, actor, row, version, decision, _settings, now, deps) => decideOrderReviewLocked(tx, deps.paymentsConfigured, actor, row, version, decision, now),
};

export const decidableQueues = Object.keys(deciders) as QueueName[];

/** Decides on a locked row of `queue`; refuses queues that decide elsewhere (disputes, fraud). */
export function decideRow(tx: EntityManager, actor: QueueActor & MachineActor, row: QueueItemRecord, version: number, decision: QueueDecision, settings: SubmissionSettings, now: Date, deps: DeciderDeps = { paymentsConfigured: false }) {
  const decide = deciders[row.queue as QueueName];
  if (!decide) throw new AppError('BAD_REQUEST', `Items in the ${row.queue} queue are decided from their own page.`, { field: 'queue' });
  if (decision.decision === 'reject') {
    if (!isRejectReason(row.queue as QueueName, decision.reason)) throw new AppError('BAD_REQUEST', 'Choose a reason from the list.', { field: 'reason', options: rejectReasonOptions(row.queue as QueueName).map((o) => o.code) });
    if (decision.reason === 'other' && !decision.note?.trim()) throw new AppError('BAD_REQUEST', 'Say why in the note when the reason is "Other".', { field: 'note' });
  }
  return decide(tx, actor, row, version, decision, settings, now, deps);
}

export async function decideQueueItem(em: EntityManager, actor: QueueActor & MachineActor, input: { id: string; version: number } & QueueDecision, settings: SubmissionSettings, now: Date, deps: DeciderDeps = { paymentsConfigured: false }) {
  return em.transactional(async (tx) => {
    const row = await queueItemRepository.find(tx, input.id, { forUpdate: true });
    if (!row) throw new AppError('NOT_FOUND', 'This item is not in any queue.');
    assertCanWork(actor, row.queue);
    const { id: _id, version, ...decision } = input;
    return decideRow(tx, actor, row, version, decision as QueueDecision, settings, now, deps);
  });
}
