// The checks every queue decision starts with, on the locked row: the person may work the queue,
// the row is at the version they saw (else who changed it and how it is now), and nobody else
// holds it. Agents decide what they hold; leads (admins) may also decide free items.
import { activeClaimant, heldByMessage, isQueueLead } from '@marketdesk/domain';
import { AppError } from '../../errors/app-error.js';
import type { QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { assertCanWork, type QueueActor } from './queue-access.js';
import { queueItemSnapshot, staleItemConflict } from './queue-item-view.js';

const subjectNames: Record<string, string> = { submissions: 'submission', listings: 'listing', kyc: 'verification', payouts: 'payout', fraud: 'order', disputes: 'dispute' };

/** Returns the current claimant (the actor, or null for a lead deciding a free item). */
export function assertMayDecide(actor: QueueActor, row: QueueItemRecord, version: number, now: Date): string | null {
  assertCanWork(actor, row.queue);
  if (row.version !== version) throw staleItemConflict(row, now);
  const holder = activeClaimant({ claimedBy: row.claimedBy, claimExpiresAtMs: row.claimExpiresAt?.getTime() ?? null }, now.getTime());
  if (holder && holder !== actor.id) {
    throw new AppError('CONFLICT', heldByMessage(row.claimedByName ?? 'Someone else', row.claimedAt?.getTime() ?? null, now.getTime()), { reason: 'CLAIMED', holder: { id: holder, name: row.claimedByName }, current: queueItemSnapshot(row, now) });
  }
  if (!holder && !isQueueLead(actor)) throw new AppError('FORBIDDEN', `Claim this ${subjectNames[row.queue] ?? 'item'} before deciding on it.`);
  return holder;
}
