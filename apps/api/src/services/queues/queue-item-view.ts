// The row clients see (and every queue event carries): the claim as it effectively is now — a
// lapsed lease shows as free even before the timer announcing it has run.
import { activeClaimant, describeLastChange, type QueueItemSnapshot, type QueueName } from '@marketdesk/domain';
import { AppError } from '../../errors/app-error.js';
import type { QueueItemRecord } from '../../repositories/queue-item-repository.js';

const ms = (d: Date | null) => (d ? d.getTime() : null);

export function queueItemSnapshot(i: QueueItemRecord, now: Date): QueueItemSnapshot {
  const holder = activeClaimant({ claimedBy: i.claimedBy, claimExpiresAtMs: ms(i.claimExpiresAt) }, now.getTime());
  return {
    id: i.id,
    queue: i.queue as QueueName,
    subjectId: i.subjectId,
    state: i.state,
    version: i.version,
    priority: i.priority,
    title: i.title,
    sellerId: i.sellerId,
    sellerName: i.sellerName,
    valueMinor: i.valueMinor,
    currency: i.currency,
    conditions: i.conditions,
    waitingOn: i.waitingOn,
    claimedBy: holder,
    claimedByName: holder ? i.claimedByName : null,
    claimedAtMs: holder ? ms(i.claimedAt) : null,
    claimExpiresAtMs: holder ? ms(i.claimExpiresAt) : null,
    lastActivityAtMs: i.lastActivityAt.getTime(),
    decidedBy: i.decidedBy,
    decidedAtMs: ms(i.decidedAt),
    slaDueAtMs: ms(i.slaDueAt),
    lastAction: i.lastAction && i.lastActionAt ? { action: i.lastAction, actorId: i.lastActorId, actorName: i.lastActorName, atMs: i.lastActionAt.getTime() } : null,
    createdAtMs: i.createdAt.getTime(),
    updatedAtMs: i.updatedAt.getTime(),
  };
}

/** "Dana rejected this 3 s ago. Reload to see it." with the current row for the UI to show. */
export function staleItemConflict(current: QueueItemRecord, now: Date): AppError {
  const what = current.lastAction && current.lastActionAt
    ? describeLastChange({ actorName: current.lastActorName, action: current.lastAction, atMs: current.lastActionAt.getTime() }, now.getTime())
    : 'Someone changed this';
  return new AppError('CONFLICT', `${what}. It is now ${current.state.replace(/_/g, ' ')}; reload to see it.`, { reason: 'STALE_VERSION', current: queueItemSnapshot(current, now) });
}
