// Keeps a listing's row in the `listings` review queue (the same engine as every queue) in step with
// the listing: a listing entering review gets a row (or its row reopens), a decision or any other
// move out of review closes it, records who decided and hands the claim back.
import type { EntityManager } from '@marketdesk/db';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import type { ListingRecord } from '../../repositories/listing-repository.js';
import { enterQueue, moveQueueRow } from '../queues/subject-rows.js';

const decisions: Record<string, string> = { active: 'approved', rejected: 'rejected' };

export async function syncListingQueueRow(tx: EntityManager, listing: ListingRecord, actorId: string | null, now: Date): Promise<void> {
  const valueMinor = listing.priceMinor * Math.max(1, listing.quantity);
  if (listing.state === 'pending_review') {
    const row = await queueItemRepository.findBySubject(tx, 'listings', listing.id);
    if (row?.state === 'pending_review') return;
    await enterQueue(tx, { queue: 'listings', subjectId: listing.id, state: 'pending_review', title: listing.title, sellerId: listing.sellerId, valueMinor, currency: listing.currency, conditions: listing.condition ? [listing.condition] : [], waitingOn: 'staff' }, actorId, now);
    return;
  }
  const row = await queueItemRepository.findBySubject(tx, 'listings', listing.id, { forUpdate: true });
  if (!row || row.state !== 'pending_review') return;
  const decision = decisions[listing.state];
  await moveQueueRow(tx, row, { state: listing.state, waitingOn: null, action: decision ?? listing.state, actorId, decided: !!decision }, now);
}
