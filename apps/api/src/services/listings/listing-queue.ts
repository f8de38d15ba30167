// Keeps a listing's row in the `listings` review queue (the same engine as every queue) in step with
// the listing: a listing entering review gets a row (or its row reopens), a decision or any other
// move out of review closes it, records who decided and hands the claim back. Announced on
// `queue:listings` like every queue row.
import { defaultSupportCalendar, queueSlaTargetMs, slaDeadlines } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import type { ListingRecord } from '../../repositories/listing-repository.js';
import { recordQueueItemEvent } from '../queues/queue-events.js';

const decisions: Record<string, string> = { active: 'approved', rejected: 'rejected' };

export async function syncListingQueueRow(tx: EntityManager, listing: ListingRecord, actorId: string | null, now: Date): Promise<void> {
  const row = await queueItemRepository.findBySubject(tx, 'listings', listing.id, { forUpdate: true });
  if (listing.state === 'pending_review') {
    if (!row) {
      const sla = slaDeadlines(now.getTime(), queueSlaTargetMs.listings, defaultSupportCalendar);
      const id = await queueItemRepository.insert(tx, {
        queue: 'listings',
        subjectId: listing.id,
        state: 'pending_review',
        title: listing.title,
        sellerId: listing.sellerId,
        valueMinor: listing.priceMinor * Math.max(1, listing.quantity),
        currency: listing.currency,
        conditions: listing.condition ? [listing.condition] : [],
        waitingOn: 'staff',
        priority: 0,
        slaDueAt: new Date(sla.dueAtMs),
        actorId,
        now,
      });
      await recordQueueItemEvent(tx, id, 'queue.item.added', {}, actorId, now);
    } else if (row.state !== 'pending_review') {
      await queueItemRepository.applyChange(tx, row.id, row.version, { state: 'pending_review', valueMinor: listing.priceMinor * Math.max(1, listing.quantity), waitingOn: 'staff', decidedBy: null, decidedAt: null, clearClaim: true, action: 'resubmitted', actorId }, now);
      await recordQueueItemEvent(tx, row.id, 'queue.item.changed', { action: 'resubmitted' }, actorId, now);
    }
    return;
  }
  if (!row || row.state !== 'pending_review') return;
  const decision = decisions[listing.state];
  const action = decision ?? listing.state;
  await queueItemRepository.applyChange(tx, row.id, row.version, { state: listing.state, waitingOn: null, clearClaim: true, action, actorId, ...(decision ? { decidedBy: actorId, decidedAt: now } : { decidedAt: now }) }, now);
  await recordQueueItemEvent(tx, row.id, 'queue.item.changed', { action }, actorId, now);
}
