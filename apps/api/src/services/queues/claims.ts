// Claiming work: one person per item at a time, as a lease that activity renews and inactivity
// ends. The claim is a single conditional UPDATE (see the repository); everything else here turns
// its answer into what the person should read, and announces the change to the queue's room.
import { claimExpiresAtMs, heldByMessage, isQueueLead, queueOpenStates, type QueueName } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { assertCanWork, assertLead, canWork, staffRoleNames, type QueueActor } from './queue-access.js';
import { recordQueueItemEvent } from './queue-events.js';
import { queueItemSnapshot, staleItemConflict } from './queue-item-view.js';
import { job, type CheckedJob } from '../../jobs/job-types.js';

export interface ClaimSettings {
  /** A claim lapses after this long without activity by its holder. */
  claimIdleMs: number;
}

export function claimTimer(item: { id: string; claimedAt: Date | null; claimExpiresAt: Date | null }, now: Date): CheckedJob[] {
  if (!item.claimedAt || !item.claimExpiresAt) return [];
  return [job('queues.claimExpiry', { itemId: item.id, claimedAt: item.claimedAt.toISOString() }, { delayMs: item.claimExpiresAt.getTime() - now.getTime() })];
}

export async function loadItem(tx: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<QueueItemRecord> {
  const item = await queueItemRepository.find(tx, id, opts);
  if (!item) throw new AppError('NOT_FOUND', 'This queue item does not exist.');
  return item;
}

/** Why a claim did not match: the item is finished, or someone else holds it (and who). */
function claimRefusal(current: QueueItemRecord, now: Date): AppError {
  const queue = current.queue as QueueName;
  if (!queueOpenStates[queue].includes(current.state)) {
    return new AppError('CONFLICT', `This item is no longer waiting for review (it is ${current.state.replace(/_/g, ' ')}).`, { reason: 'FINISHED', current: queueItemSnapshot(current, now) });
  }
  const name = current.claimedByName ?? 'Someone else';
  return new AppError('CONFLICT', heldByMessage(name, current.claimedAt?.getTime() ?? null, now.getTime()), {
    reason: 'CLAIMED',
    holder: { id: current.claimedBy, name },
    current: queueItemSnapshot(current, now),
  });
}

export async function claimItem(em: EntityManager, actor: QueueActor, input: { id: string }, settings: ClaimSettings, now: Date) {
  return em.transactional(async (tx) => {
    const before = await loadItem(tx, input.id);
    const queue = assertCanWork(actor, before.queue);
    const expiresAt = new Date(claimExpiresAtMs(now.getTime(), settings.claimIdleMs));
    const won = await queueItemRepository.claim(tx, { id: before.id, userId: actor.id, openStates: queueOpenStates[queue], expiresAt, now });
    if (!won) throw claimRefusal(await loadItem(tx, before.id), now);
    const fresh = await loadItem(tx, before.id);
    await recordQueueItemEvent(tx, fresh.id, 'queue.item.claimed', {}, actor.id, now, claimTimer(fresh, now));
    return queueItemSnapshot(fresh, now);
  });
}

/** The holder gives the item back; a lead may release anyone's claim. */
export async function releaseItem(em: EntityManager, actor: QueueActor, input: { id: string }, now: Date) {
  return em.transactional(async (tx) => {
    const item = await loadItem(tx, input.id, { forUpdate: true });
    assertCanWork(actor, item.queue);
    const holder = queueItemSnapshot(item, now).claimedBy;
    if (!holder) throw new AppError('CONFLICT', 'Nobody holds this item any more.', { reason: 'NOT_CLAIMED', current: queueItemSnapshot(item, now) });
    if (holder !== actor.id && !isQueueLead(actor)) throw new AppError('FORBIDDEN', `Only ${item.claimedByName ?? 'its holder'} or a lead can release this item.`);
    await queueItemRepository.release(tx, { id: item.id, holderId: holder, actorId: actor.id, now });
    return queueItemSnapshot(await recordQueueItemEvent(tx, item.id, 'queue.item.released', {}, actor.id, now), now);
  });
}

/** A lead hands an item to a colleague (or takes it), whoever held it, on the version they saw. */
export async function reassignItem(em: EntityManager, lead: QueueActor, input: { id: string; version: number; toUserId: string }, settings: ClaimSettings, now: Date) {
  assertLead(lead, 'reassign items');
  return em.transactional(async (tx) => reassignLocked(tx, lead, await loadItem(tx, input.id, { forUpdate: true }), input.version, input.toUserId, settings, now));
}

/** The reassignment inside the caller's transaction, the row already locked (bulk assign too). */
export async function reassignLocked(tx: EntityManager, lead: QueueActor, item: QueueItemRecord, version: number, toUserId: string, settings: ClaimSettings, now: Date) {
  assertLead(lead, 'reassign items');
  const queue = assertCanWork(lead, item.queue);
  if (item.version !== version) throw staleItemConflict(item, now);
  if (!queueOpenStates[queue].includes(item.state)) throw claimRefusal(item, now);
  const target = (await queueItemRepository.staff(tx, staffRoleNames(lead.grants))).find((s) => s.id === toUserId);
  if (!target || !canWork(target, queue, lead.grants)) throw new AppError('BAD_REQUEST', `That person cannot work the ${queue} queue.`, { field: 'toUserId' });
  const from = queueItemSnapshot(item, now).claimedBy;
  const expiresAt = new Date(claimExpiresAtMs(now.getTime(), settings.claimIdleMs));
  await queueItemRepository.reassign(tx, { id: item.id, version: item.version, toUserId: target.id, actorId: lead.id, expiresAt, now });
  const fresh = await loadItem(tx, item.id);
  await recordQueueItemEvent(tx, item.id, 'queue.item.reassigned', { fromUserId: from, toUserId: target.id }, lead.id, now, claimTimer(fresh, now));
  return queueItemSnapshot(fresh, now);
}

/** The holder is still working (drawer open, typing a note): the lease runs from now again. */
export async function touchItem(em: EntityManager, actor: QueueActor, input: { id: string }, settings: ClaimSettings, now: Date) {
  return em.transactional(async (tx) => {
    const item = await loadItem(tx, input.id);
    assertCanWork(actor, item.queue);
    const expiresAt = new Date(claimExpiresAtMs(now.getTime(), settings.claimIdleMs));
    if (!(await queueItemRepository.touch(tx, { id: item.id, holderId: actor.id, expiresAt, now }))) {
      throw new AppError('CONFLICT', 'You no longer hold this item; claim it again to keep working on it.', { reason: 'NOT_HOLDER', current: queueItemSnapshot(item, now) });
    }
    return { id: item.id, claimExpiresAtMs: expiresAt.getTime() };
  });
}

/**
 * The claim timer fired. The same claim (same claimedAt) whose lease is over goes back to the pool
 * and everyone is told; one renewed meanwhile sets the timer again for its new end; anything else
 * (released, decided, claimed anew) means this timer is stale. Safe to run twice.
 */
export async function expireClaim(em: EntityManager, input: { itemId: string; claimedAt: string }, now: Date): Promise<'expired' | 'extended' | 'ignored'> {
  return em.transactional(async (tx) => {
    const item = await queueItemRepository.find(tx, input.itemId, { forUpdate: true });
    if (!item?.claimedBy || !item.claimedAt || item.claimedAt.toISOString() !== input.claimedAt) return 'ignored';
    if (item.claimExpiresAt && item.claimExpiresAt > now) {
      await recordQueueItemEvent(tx, item.id, 'queue.item.claim_extended', {}, null, now, claimTimer(item, now));
      return 'extended';
    }
    const previous = await queueItemRepository.expireClaim(tx, { id: item.id, claimedAt: item.claimedAt, now });
    if (!previous) return 'ignored';
    await recordQueueItemEvent(tx, item.id, 'queue.item.claim_expired', { previousHolderId: previous }, null, now);
    return 'expired';
  });
}
