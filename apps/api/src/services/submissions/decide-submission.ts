// Staff decisions on a submission (through queues.decide, single or bulk), on the queue row's
// version the reviewer saw: accept (send our offer to the seller, or take the seller's counter),
// reject with a reason, counter-offer with new per-item prices, or ask the seller for more
// information. A stale version is refused with who did what and when; an item someone else holds
// is refused with who holds it.
import { reasonText, type MachineActor, type QueueDecision } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import type { QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { submissionRepository, type SubmissionChanges, type SubmissionItemRecord, type SubmissionRecord } from '../../repositories/submission-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { assertMayDecide } from '../queues/decision-guard.js';
import type { QueueActor } from '../queues/queue-access.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import { createListingsFor } from './submission-listings.js';
import { runCommand, staleVersion } from '../machines/pipeline.js';
import { submissionAggregate, submissionRooms, submissionStream, type SubmissionSettings } from './submission-aggregate.js';
import { syncSubmissionRow } from './submission-queue.js';
import { submissionView } from './submission-view.js';

const offerTotal = (items: SubmissionItemRecord[]) => items.reduce((sum, i) => sum + (i.declined ? 0 : i.offerMinor), 0);

async function newPrices(tx: EntityManager, items: SubmissionItemRecord[], prices: { itemId: string; offerMinor: number }[]): Promise<number> {
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const p of prices) if (!byId.has(p.itemId)) throw new AppError('BAD_REQUEST', 'That item is not part of this submission.', { field: 'items', itemId: p.itemId });
  for (const p of prices) await submissionRepository.setItemOffer(tx, p.itemId, p.offerMinor);
  const total = offerTotal(await submissionRepository.items(tx, items[0]!.submissionId));
  if (total <= 0) throw new AppError('BAD_REQUEST', 'An offer must be worth something; reject the submission instead.', { field: 'items' });
  return total;
}

/** One decision inside the caller's transaction, the queue row already locked (queues.decide and bulk actions). */
export async function decideSubmissionLocked(tx: EntityManager, actor: QueueActor & MachineActor, row: QueueItemRecord, version: number, decision: QueueDecision, settings: SubmissionSettings, now: Date) {
  const holder = assertMayDecide(actor, row, version, now);
  let s = (await submissionRepository.find(tx, row.subjectId, { forUpdate: true }))!;
  let items = await submissionRepository.items(tx, s.id);
  const opts = { itemCount: items.length, reviewerId: holder ?? actor.id, settings };
  const run = async (sub: SubmissionRecord, type: string, payload?: unknown, changes: SubmissionChanges = {}) => (await runCommand(tx, submissionAggregate, sub, { type, payload }, actor, now, { options: opts, changes })).record;
  let action: string;
  if (decision.decision === 'request_info') {
    if (!['submitted', 'in_review', 'countered'].includes(s.state)) throw new AppError('CONFLICT', `You can ask for information only while the submission waits for review (it is ${s.state.replace(/_/g, ' ')}).`);
    if (!(await submissionRepository.update(tx, s.id, s.version, { infoRequest: decision.message, infoResponse: null }, now))) throw staleVersion('submission', await submissionRepository.find(tx, s.id));
    s = (await submissionRepository.find(tx, s.id))!;
    await recordEvent(tx, { stream: submissionStream(s.id), name: 'submission.info_requested', payload: { submissionId: s.id, sellerId: s.sellerId, actorId: actor.id, message: decision.message }, rooms: submissionRooms(s), actorId: actor.id, now });
    action = 'info_requested';
  } else {
    if (s.state === 'quoted') throw new AppError('CONFLICT', 'The seller has not answered the current offer yet.', { reason: 'WAITING_ON_SELLER', current: queueItemSnapshot(row, now) });
    if (s.state === 'submitted') s = await run(s, 'claim');
    if (decision.decision === 'reject') {
      s = await run(s, 'reject', { reason: reasonText('submissions', decision.reason, decision.note) }, { rejectReason: decision.reason, rejectNote: decision.note || null });
      action = 'rejected';
    } else if (decision.decision === 'counter') {
      const total = await newPrices(tx, items, decision.items);
      s = await run(s, s.state === 'countered' ? 'requote' : 'quote', { quoteMinor: total }, { infoRequest: null, infoResponse: null });
      action = 'quoted';
    } else if (s.state === 'countered') {
      s = await run(s, 'accept_counter');
      action = 'accepted';
    } else {
      if (offerTotal(items) <= 0) throw new AppError('BAD_REQUEST', 'Nothing in this submission is worth an offer at the indicative prices; counter with your own prices or reject it.');
      s = await run(s, 'quote', { quoteMinor: offerTotal(items) }, { infoRequest: null, infoResponse: null });
      action = 'quoted';
    }
  }
  items = await submissionRepository.items(tx, s.id);
  if (s.state === 'accepted') {
    await createListingsFor(tx, s, items, actor.id, now);
    items = await submissionRepository.items(tx, s.id);
  }
  const finished = ['accepted', 'rejected'].includes(s.state);
  const synced = await syncSubmissionRow(tx, row, s, items, { action, actorId: actor.id, ...(finished ? { decidedBy: actor.id } : {}) }, now);
  return { submission: submissionView(s, items, now, 'staff'), item: queueItemSnapshot(synced, now) };
}
