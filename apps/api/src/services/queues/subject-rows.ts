// The two moves every queue's subject (a listing, a KYC check, a payout…) makes on its row: it
// enters the queue (a new row, or its finished row reopens), and it moves on (state mirrored,
// the claim handed back, who decided recorded). Both announce the row on `queue:{name}`.
import { queueSlaTargetMs, slaDeadlines, type QueueName } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { supportSla } from '../sla/support-calendar.js';
import { recordQueueItemEvent } from './queue-events.js';

export interface QueueSubject {
  queue: QueueName;
  subjectId: string;
  state: string;
  title: string;
  sellerId: string | null;
  valueMinor: number;
  currency: string;
  conditions?: string[];
  waitingOn: 'staff' | 'seller' | 'buyer' | null;
  priority?: number;
}

/** The subject now waits for staff: a fresh row with an SLA, or its old row reopened. */
export async function enterQueue(tx: EntityManager, s: QueueSubject, actorId: string | null, now: Date): Promise<QueueItemRecord> {
  const row = await queueItemRepository.findBySubject(tx, s.queue, s.subjectId, { forUpdate: true });
  if (row) return moveQueueRow(tx, row, { state: s.state, valueMinor: s.valueMinor, waitingOn: s.waitingOn, action: 'resubmitted', actorId, reopen: true }, now);
  const sla = slaDeadlines(now.getTime(), queueSlaTargetMs[s.queue], supportSla().calendar);
  const id = await queueItemRepository.insert(tx, {
    queue: s.queue,
    subjectId: s.subjectId,
    state: s.state,
    title: s.title,
    sellerId: s.sellerId,
    valueMinor: s.valueMinor,
    currency: s.currency,
    conditions: s.conditions ?? [],
    waitingOn: s.waitingOn,
    priority: s.priority ?? 0,
    slaDueAt: new Date(sla.dueAtMs),
    actorId,
    now,
  });
  return recordQueueItemEvent(tx, id, 'queue.item.added', {}, actorId, now);
}

export interface RowMove {
  state: string;
  waitingOn: 'staff' | 'seller' | 'buyer' | null;
  valueMinor?: number;
  action: string;
  actorId: string | null;
  /** A decision: records who decided (null for the system) and when. */
  decided?: boolean;
  /** Back into the pool: clears the earlier decision. */
  reopen?: boolean;
  /** Keep the claim (a step inside the work, e.g. asking a party), instead of handing it back. */
  keepClaim?: boolean;
  priority?: number;
  slaDueAt?: Date | null;
}

/** Mirrors the subject's move on its (locked) row, hands the claim back and announces it. */
export async function moveQueueRow(tx: EntityManager, row: QueueItemRecord, m: RowMove, now: Date): Promise<QueueItemRecord> {
  const decision = m.reopen ? { decidedBy: null, decidedAt: null } : m.decided ? { decidedBy: m.actorId, decidedAt: now } : {};
  await queueItemRepository.applyChange(tx, row.id, row.version, { state: m.state, waitingOn: m.waitingOn, ...(m.valueMinor !== undefined ? { valueMinor: m.valueMinor } : {}), clearClaim: !m.keepClaim, action: m.action, actorId: m.actorId, ...(m.priority !== undefined ? { priority: m.priority } : {}), ...(m.slaDueAt !== undefined ? { slaDueAt: m.slaDueAt } : {}), ...decision }, now);
  return recordQueueItemEvent(tx, row.id, 'queue.item.changed', { action: m.action }, m.actorId, now);
}
