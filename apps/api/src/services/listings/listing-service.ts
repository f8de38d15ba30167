// Seller and reviewer actions on listings. Every state change goes through the listing machine in
// packages/domain; every write checks the version the client saw, so two tabs (or a seller and a
// reviewer) never silently overwrite each other.
import { randomUUID } from 'node:crypto';
import { can, changedListingFields, editNeedsReview, reasonText, type CommonQueueDecision, type ListingValues, type Role } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { slugify } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { listingRepository, type ListingChanges, type ListingRecord } from '../../repositories/listing-repository.js';
import { runCommand, staleVersion } from '../machines/pipeline.js';
import { listingAggregate } from './listing-aggregate.js';
import type { ListingFields, ListingPatch } from './listing-input.js';
import { recordListingEvent } from './listing-events.js';
import { recordSellerPriceChange } from '../markdowns/change-price.js';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { assertMayDecide } from '../queues/decision-guard.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import type { listingSellerCommands } from './listing-view.js';

/** A signed-in person acting on listings. */
export interface Actor {
  id: string;
  roles: Role[];
}

async function loadForUpdate(em: EntityManager, id: string): Promise<ListingRecord> {
  const listing = await listingRepository.findById(em, id, { forUpdate: true });
  if (!listing) throw new AppError('NOT_FOUND', 'This listing does not exist.');
  return listing;
}

function assertOwner(actor: Actor, listing: ListingRecord) {
  if (!can(actor, 'listings.manage', { kind: 'listing', sellerId: listing.sellerId })) throw new AppError('FORBIDDEN', 'Only the seller of this listing can change it.');
}

function assertVersion(listing: ListingRecord, version: number) {
  if (listing.version !== version) throw staleVersion('listing', listing);
}

/** A new listing goes straight into the review queue (or stays a draft when asked). */
export async function createListing(em: EntityManager, actor: Actor, fields: ListingFields & { draft?: boolean }, now: Date) {
  return em.transactional(async (tx) => {
    const id = randomUUID();
    const slug = `${slugify(fields.title) || 'listing'}-${id.slice(0, 6)}`;
    await listingRepository.insert(tx, {
      id,
      sellerId: actor.id,
      categoryId: fields.categoryId,
      slug,
      title: fields.title,
      description: fields.description,
      attributes: fields.attributes,
      condition: fields.condition,
      priceMinor: fields.priceMinor,
      currency: 'EUR',
      quantity: fields.quantity,
      shippingMinor: fields.shippingMinor,
      deliverySlaDays: fields.deliverySlaDays,
      state: 'draft',
      dealEndsAt: fields.dealEndsAt,
      now,
    }).catch((err: unknown) => {
      if (String((err as Error).message).includes('listings_category_id_foreign')) throw new AppError('BAD_REQUEST', 'Choose an existing category.', { field: 'categoryId' });
      throw err;
    });
    await attachImages(tx, id, actor.id, fields.imageIds);
    const listing = { id, sellerId: actor.id };
    await recordListingEvent(tx, listing, { name: 'listing.created', payload: { listingId: id, sellerId: actor.id, actorId: actor.id } }, actor.id, now);
    let state = 'draft';
    let version = 1;
    if (!fields.draft) {
      const created = (await listingRepository.findById(tx, id))!;
      const result = (await runCommand(tx, listingAggregate, created, { type: 'submit_for_review' }, actor, now, { options: undefined })).record;
      state = result.state;
      version = result.version;
    }
    return { id, slug, state, version };
  });
}

/**
 * Edits change exactly the fields the patch carries whose values differ. A change the domain says
 * needs review (what buyers read about the item) sends a live or paused listing back to review;
 * price, stock, shipping and deal edits keep it on sale (and a restock reopens a sold-out one).
 */
export async function editListing(em: EntityManager, actor: Actor, patch: ListingPatch, now: Date) {
  return em.transactional(async (tx) => {
    const listing = await loadForUpdate(tx, patch.id);
    assertOwner(actor, listing);
    assertVersion(listing, patch.version);
    if (listing.state === 'archived') throw new AppError('CONFLICT', 'Archived listings cannot be edited.', { state: listing.state });
    const imageIds = (await listingRepository.imagesOf(tx, [listing.id])).map((i) => i.id);
    const changed = changedListingFields({ ...listing, condition: listing.condition as ListingValues['condition'], imageIds }, patch);
    const changes: ListingChanges = {};
    for (const f of changed) if (f !== 'imageIds' && f !== 'quantity') (changes as Record<string, unknown>)[f] = patch[f];
    if (changed.includes('quantity') && listing.state !== 'sold_out') changes.quantity = patch.quantity!;
    if (!(await listingRepository.update(tx, listing.id, listing.version, changes, now))) assertVersion((await listingRepository.findById(tx, listing.id))!, patch.version);
    if (changed.includes('imageIds')) await attachImages(tx, listing.id, listing.sellerId, patch.imageIds!);
    if (changed.includes('priceMinor')) await recordSellerPriceChange(tx, listing, listing.priceMinor, patch.priceMinor!, actor.id, now);
    await recordListingEvent(tx, listing, { name: 'listing.edited', payload: { listingId: listing.id, sellerId: listing.sellerId, actorId: actor.id, fields: changed } }, actor.id, now);
    let current = (await listingRepository.findById(tx, listing.id))!;
    if (editNeedsReview(changed) && (current.state === 'active' || current.state === 'paused')) current = (await runCommand(tx, listingAggregate, current, { type: 'submit_changes' }, actor, now, { options: undefined })).record;
    if (patch.quantity !== undefined && patch.quantity > 0 && current.state === 'sold_out') {
      current = (await runCommand(tx, listingAggregate, current, { type: 'restock', payload: { quantity: patch.quantity } }, actor, now, { options: undefined })).record;
    }
    if (changed.includes('quantity')) await announceStock(tx, current, actor.id, now);
    return { id: current.id, state: current.state, version: current.version };
  });
}

export type ListingSellerCommand = (typeof listingSellerCommands)[number];

/** A seller's machine command from the console, on the version the client saw (reviewers decide through queues.decide). */
export async function commandListing(em: EntityManager, actor: Actor, input: { id: string; version: number; command: ListingSellerCommand }, now: Date) {
  return em.transactional(async (tx) => {
    const listing = await loadForUpdate(tx, input.id);
    assertVersion(listing, input.version);
    const { record } = await runCommand(tx, listingAggregate, listing, { type: input.command }, actor, now, { options: undefined });
    return { id: record.id, state: record.state, version: record.version };
  });
}

/** Live stock for open listing pages. */
export async function announceStock(em: EntityManager, listing: { id: string; sellerId: string; quantity: number; state: string }, actorId: string | null, now: Date) {
  await recordListingEvent(em, listing, { name: 'listing.stock_changed', payload: { listingId: listing.id, sellerId: listing.sellerId, available: listing.quantity, soldOut: listing.quantity === 0 || listing.state === 'sold_out' } }, actorId, now);
}

/** A decision from the `listings` queue (single or bulk), on the queue row's version, row locked. */
export async function decideListingLocked(tx: EntityManager, actor: Actor, row: QueueItemRecord, version: number, decision: CommonQueueDecision, now: Date) {
  assertMayDecide(actor, row, version, now);
  const listing = await loadForUpdate(tx, row.subjectId);
  if (decision.decision === 'request_info') throw new AppError('BAD_REQUEST', 'Listings have no questions step: reject with a note saying what to change; the seller edits and resubmits.', { field: 'decision' });
  const command = decision.decision === 'accept' ? { type: 'approve' } : { type: 'reject', payload: { reason: reasonText('listings', decision.reason, decision.note) } };
  const { record } = await runCommand(tx, listingAggregate, listing, command, actor, now, { options: undefined });
  return { listing: { id: record.id, state: record.state, version: record.version }, item: queueItemSnapshot((await queueItemRepository.find(tx, row.id))!, now) };
}

/** Sets the listing's photos to exactly these, in this order (an empty list removes them all). */
async function attachImages(em: EntityManager, listingId: string, ownerId: string, imageIds: string[]) {
  const attached = await listingRepository.setImages(em, listingId, ownerId, imageIds);
  if (attached !== imageIds.length) throw new AppError('BAD_REQUEST', 'Some photos were not found among your uploads.', { field: 'imageIds' });
}
