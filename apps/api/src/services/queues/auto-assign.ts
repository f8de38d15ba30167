// Auto-assignment on demand: the domain plans (oldest first, round-robin within capacity), then
// each assignment is its own conditional claim, so an item someone claimed meanwhile is skipped.
import { claimExpiresAtMs, planAutoAssignment, queueOpenStates } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { claimTimer, type ClaimSettings } from './claims.js';
import { assertCanWork, assertLead, canWork, staffRoleNames, type QueueActor } from './queue-access.js';
import { recordQueueItemEvent } from './queue-events.js';

export interface AutoAssignInput {
  queue: string;
  /** Items each person may hold at once (counting what they already hold). */
  capacity: number;
  /** Only these people (default: everyone who can work the queue). */
  userIds?: string[] | undefined;
  /** Plan only, change nothing. */
  dryRun: boolean;
}

export async function autoAssign(em: EntityManager, lead: QueueActor, input: AutoAssignInput, settings: ClaimSettings, now: Date) {
  assertLead(lead, 'run auto-assignment');
  const queue = assertCanWork(lead, input.queue);
  const staff = (await queueItemRepository.staff(em, staffRoleNames(lead.grants))).filter((s) => canWork(s, queue, lead.grants) && (!input.userIds || input.userIds.includes(s.id)));
  const holding = await queueItemRepository.holding(em, queue, staff.map((s) => s.id), now);
  const items = await queueItemRepository.oldestFree(em, queue, queueOpenStates[queue], 500, now);
  const plan = planAutoAssignment(
    items.map((i) => ({ id: i.id, createdAtMs: i.createdAt.getTime() })),
    staff.map((s) => ({ userId: s.id, capacity: input.capacity, holding: holding.get(s.id) ?? 0 })),
  );
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  if (input.dryRun) return { assigned: plan.map((p) => ({ ...p, userName: names.get(p.userId) ?? '' })), skipped: [] as string[] };
  const assigned: { itemId: string; userId: string; userName: string }[] = [];
  const skipped: string[] = [];
  for (const p of plan) {
    const ok = await em.transactional(async (tx) => {
      const expiresAt = new Date(claimExpiresAtMs(now.getTime(), settings.claimIdleMs));
      // Only free items: someone who claimed one meanwhile keeps it.
      const won = await queueItemRepository.claim(tx, { id: p.itemId, userId: p.userId, openStates: queueOpenStates[queue], expiresAt, now, action: 'assigned', actorId: lead.id });
      if (!won) return false;
      const fresh = (await queueItemRepository.find(tx, p.itemId))!;
      if (fresh.claimedBy !== p.userId) return false;
      await recordQueueItemEvent(tx, p.itemId, 'queue.item.reassigned', { fromUserId: null, toUserId: p.userId }, lead.id, now, claimTimer(fresh, now));
      return true;
    });
    if (ok) assigned.push({ ...p, userName: names.get(p.userId) ?? '' });
    else skipped.push(p.itemId);
  }
  return { assigned, skipped };
}
