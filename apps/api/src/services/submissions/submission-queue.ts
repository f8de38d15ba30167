// Keeps a submission's row in the `submissions` queue in step with the submission: state, who it
// waits on, its value; decisions hand the claim back. Each sync announces the row to the queue room.
import { queueOpenStates, queueSlaTargetMs, slaDeadlines } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import type { SubmissionItemRecord, SubmissionRecord } from '../../repositories/submission-repository.js';
import { recordQueueItemEvent } from '../queues/queue-events.js';
import { supportSla } from '../sla/support-calendar.js';

export function waitingOnFor(s: SubmissionRecord): 'staff' | 'seller' | null {
  if (s.state === 'quoted') return 'seller';
  if (!queueOpenStates.submissions.includes(s.state)) return null;
  return s.infoRequest && !s.infoResponse ? 'seller' : 'staff';
}

/** What the submission is worth to us right now: the agreed price, the offer on the table, or the indicative quote. */
export function currentValueMinor(s: SubmissionRecord, items: SubmissionItemRecord[]): number {
  return s.agreedMinor ?? s.counterMinor ?? s.quoteMinor ?? items.reduce((sum, i) => sum + (i.declined ? 0 : i.offerMinor), 0);
}

export function submissionTitle(items: SubmissionItemRecord[]): string {
  const first = items[0];
  if (!first) return 'Empty submission';
  const more = items.length > 1 ? ` + ${items.length - 1} more` : '';
  return `${first.artist} – ${first.title}${more}`;
}

export async function addSubmissionToQueue(tx: EntityManager, s: SubmissionRecord, items: SubmissionItemRecord[], actorId: string, now: Date): Promise<QueueItemRecord> {
  const sla = slaDeadlines(now.getTime(), queueSlaTargetMs.submissions, supportSla().calendar);
  const id = await queueItemRepository.insert(tx, {
    queue: 'submissions',
    subjectId: s.id,
    state: s.state,
    title: submissionTitle(items),
    sellerId: s.sellerId,
    valueMinor: currentValueMinor(s, items),
    currency: s.currency,
    conditions: [...new Set(items.map((i) => i.grade))],
    waitingOn: waitingOnFor(s),
    priority: 0,
    slaDueAt: new Date(sla.dueAtMs),
    actorId,
    now,
  });
  return recordQueueItemEvent(tx, id, 'queue.item.added', {}, actorId, now);
}

/** After the submission moved: mirror it on the (locked) queue row and announce the change. */
export async function syncSubmissionRow(
  tx: EntityManager,
  row: QueueItemRecord,
  s: SubmissionRecord,
  items: SubmissionItemRecord[],
  change: { action: string; actorId: string | null; decidedBy?: string | null },
  now: Date,
): Promise<QueueItemRecord> {
  const finished = !queueOpenStates.submissions.includes(s.state) && s.state !== 'quoted';
  await queueItemRepository.applyChange(
    tx,
    row.id,
    row.version,
    {
      state: s.state,
      waitingOn: waitingOnFor(s),
      valueMinor: currentValueMinor(s, items),
      clearClaim: true,
      action: change.action,
      actorId: change.actorId,
      ...(change.decidedBy !== undefined ? { decidedBy: change.decidedBy, decidedAt: now } : finished ? { decidedAt: now } : {}),
    },
    now,
  );
  return recordQueueItemEvent(tx, row.id, 'queue.item.changed', { action: change.action }, change.actorId, now);
}
