// Listings in the command pipeline: the state and stock the machine decides, the first publication
// time, the deal-expiry timer of a listing going live with a deal, and its row in the `listings`
// review queue following the move. A seller puts a listing in front of buyers only once verified.
import { listingMachine, type ListingContext, type ListingState, type Snapshot } from '@marketdesk/domain';
import { listingRepository, type ListingChanges, type ListingRecord } from '../../repositories/listing-repository.js';
import { assertVerifiedSeller } from '../kyc/seller-verification.js';
import type { Aggregate } from '../machines/pipeline.js';
import { listingRooms } from './listing-events.js';
import { syncListingQueueRow } from './listing-queue.js';
import { job } from '../../jobs/job-types.js';

export function listingSnapshot(l: ListingRecord): Snapshot<ListingState, ListingContext> {
  return { state: l.state as ListingState, context: { listingId: l.id, sellerId: l.sellerId, quantity: l.quantity }, enteredAtMs: l.updatedAt.getTime() };
}

/** Commands that put a seller's listing in front of buyers (through review): KYC comes first. */
const publishing = new Set(['submit_for_review', 'submit_changes', 'resume']);

export const listingAggregate: Aggregate<ListingRecord, ListingState, ListingContext, ListingChanges, void> = {
  noun: 'listing',
  machine: () => listingMachine,
  find: (em, id, opts) => listingRepository.findById(em, id, opts),
  snapshot: listingSnapshot,
  write: (em, id, version, changes, now) => listingRepository.update(em, id, version, changes, now),
  async precondition(tx, listing, command, actor) {
    if (publishing.has(command.type) && actor.id === listing.sellerId) await assertVerifiedSeller(tx, listing.sellerId, 'publish');
  },
  plan(listing, result, _command, _options, now) {
    const changes: ListingChanges = { state: result.state, quantity: result.snapshot.context.quantity };
    if (result.state === 'active' && !listing.publishedAt) changes.publishedAt = now;
    const jobs =
      result.state === 'active' && listing.dealEndsAt && listing.dealEndsAt > now
        ? [job('listing.dealExpiry', { listingId: listing.id, dealEndsAt: listing.dealEndsAt.toISOString() }, { delayMs: listing.dealEndsAt.getTime() - now.getTime() })]
        : [];
    return { changes, jobs };
  },
  stream: (listing) => `listing:${listing.id}`,
  rooms: (listing) => listingRooms(listing.id, listing.sellerId),
  follow: (tx, { after, actorId, now }) => syncListingQueueRow(tx, after, actorId, now),
};
