// Reviewer decisions on a KYC check (reasons checked by ../queues/queue-deciders), on the queue row's version the reviewer saw: approve, reject
// with a reason, or ask the seller for more (which starts the information deadline). A check that
// still waits for a reviewer is claimed by the decider first, as the kyc machine requires.
import { reasonText, systemActor, type CommonQueueDecision, type MachineActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { kycRepository, type KycChanges, type KycRecord } from '../../repositories/kyc-repository.js';
import type { QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { assertMayDecide } from '../queues/decision-guard.js';
import type { QueueActor } from '../queues/queue-access.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import { runCommand } from '../machines/pipeline.js';
import { kycAggregate } from './kyc-aggregate.js';
import { moveKycRow } from './kyc-queue.js';
import { kycView } from './kyc-view.js';

/** One decision inside the caller's transaction, the queue row already locked (bulk actions too). */
export async function decideKycLocked(tx: EntityManager, actor: QueueActor & MachineActor, row: QueueItemRecord, version: number, decision: CommonQueueDecision, now: Date) {
  const holder = assertMayDecide(actor, row, version, now);
  let check: KycRecord = (await kycRepository.find(tx, row.subjectId, { forUpdate: true }))!;
  if (check.state === 'needs_info') throw new AppError('CONFLICT', 'The seller has not answered your question yet.', { reason: 'WAITING_ON_SELLER', current: queueItemSnapshot(row, now) });
  const reviewerId = holder ?? actor.id;
  const run = async (type: string, payload: unknown, changes: KycChanges = {}) => (await runCommand(tx, kycAggregate, check, { type, payload }, actor, now, { options: { reviewerId }, changes })).record;
  if (check.state === 'submitted') check = await run('claim', {});
  let action: string;
  if (decision.decision === 'accept') {
    check = await run('approve', {}, { decidedBy: actor.id, decidedAt: now });
    action = 'approved';
  } else if (decision.decision === 'reject') {
    check = await run('reject', { reason: reasonText('kyc', decision.reason, decision.note) }, { rejectReason: decision.reason, rejectNote: decision.note || null, decidedBy: actor.id, decidedAt: now });
    action = 'rejected';
  } else {
    check = await run('request_info', { message: decision.message }, { infoRequest: decision.message, infoResponse: null });
    action = 'info_requested';
  }
  const moved = (await moveKycRow(tx, check, action, actor.id, now, row))!;
  return { check: kycView(check, await kycRepository.documents(tx, check.id)), item: queueItemSnapshot(moved, now) };
}

/** The information deadline passed without an answer: the check is rejected (by the system). */
export async function lapseKyc(em: EntityManager, input: { kycId: string; dueAt: string }, now: Date): Promise<'lapsed' | 'ignored'> {
  return em.transactional(async (tx) => {
    const check = await kycRepository.find(tx, input.kycId, { forUpdate: true });
    if (!check || check.state !== 'needs_info' || check.infoDueAt?.toISOString() !== input.dueAt || check.infoDueAt > now) return 'ignored';
    const lapse = { rejectReason: 'other', rejectNote: 'The requested information did not arrive in time.', decidedAt: now };
    const lapsed = (await runCommand(tx, kycAggregate, check, { type: 'lapse' }, systemActor, now, { options: { reviewerId: null }, changes: lapse })).record;
    await moveKycRow(tx, lapsed, 'lapsed', null, now);
    return 'lapsed';
  });
}
