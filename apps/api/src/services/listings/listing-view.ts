// One listing as the storefront and the console show it. The public sees live and sold-out
// listings; the seller and reviewers also see drafts, reviews and archived ones.
import { availableActions, can, deliveryEstimate, hasGrant, listingMachine, stateLabel, type Actor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { listingRepository, type ListingImageRecord, type ListingRecord } from '../../repositories/listing-repository.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { imageUrl, thumbUrl } from '../media/image-urls.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import { listingSnapshot } from './listing-aggregate.js';

const publicStates = new Set(['active', 'sold_out']);

/** The viewer with the grant table the session carries. */
export type Viewer = Actor;

/**
 * The commands sellers send through `listings.command` (reviewers decide through queues.decide on
 * the listing's queue row; edits go back to review through `listings.update`; the rest are the system's).
 */
export const listingSellerCommands = ['submit_for_review', 'revise', 'pause', 'resume', 'archive'] as const;

export function canSeeListing(viewer: Viewer | null, l: ListingRecord): boolean {
  if (publicStates.has(l.state)) return true;
  if (!viewer) return false;
  return can(viewer, 'listings.manage', { kind: 'listing', sellerId: l.sellerId }) || hasGrant(viewer, 'listings.review');
}

export function toListingView(l: ListingRecord, images: ListingImageRecord[], now: Date) {
  const estimate = deliveryEstimate(l.deliverySlaDays, now.getTime());
  return {
    id: l.id,
    slug: l.slug,
    title: l.title,
    description: l.description,
    attributes: l.attributes,
    condition: l.condition,
    priceMinor: l.priceMinor,
    currency: l.currency,
    available: l.quantity,
    soldOut: l.state === 'sold_out' || (l.state === 'active' && l.quantity === 0),
    state: l.state,
    stateLabel: stateLabel(listingMachine, l.state),
    version: l.version,
    shippingMinor: l.shippingMinor,
    deliverySlaDays: l.deliverySlaDays,
    delivery: { earliest: new Date(estimate.earliestMs), latest: new Date(estimate.latestMs) },
    dealEndsAt: l.dealEndsAt,
    publishedAt: l.publishedAt,
    updatedAt: l.updatedAt,
    seller: { id: l.sellerId, name: l.sellerName },
    category: { id: l.categoryId, slug: l.categorySlug, name: l.categoryName },
    images: images.map((i) => ({ id: i.id, url: imageUrl(i.storageKey), thumbUrl: thumbUrl(i), width: i.width, height: i.height, status: i.status })),
  };
}

export type ListingView = ReturnType<typeof toListingView>;

export async function getListing(em: EntityManager, viewer: Viewer | null, by: { slug?: string | undefined; id?: string | undefined }, now: Date): Promise<ListingView> {
  const l = by.id ? await listingRepository.findById(em, by.id) : by.slug ? await listingRepository.findBySlug(em, by.slug) : null;
  if (!l || !canSeeListing(viewer, l)) throw new AppError('NOT_FOUND', 'This listing does not exist or is no longer available.');
  return toListingView(l, await listingRepository.imagesOf(em, [l.id]), now);
}

/** What the reviewer sees: the listing and its row in the `listings` queue (what queues.decide takes), if it has one. */
export async function listingForReview(em: EntityManager, viewer: Viewer, id: string, now: Date) {
  const view = await getListing(em, viewer, { id }, now);
  const row = await queueItemRepository.findBySubject(em, 'listings', id);
  return { ...view, queueItem: row ? queueItemSnapshot(row, now) : null };
}

export async function listViews(em: EntityManager, listings: ListingRecord[], now: Date): Promise<ListingView[]> {
  const images = await listingRepository.imagesOf(em, listings.map((l) => l.id));
  return listings.map((l) => toListingView(l, images.filter((i) => i.listingId === l.id), now));
}

/** A seller's listings, each with the commands they may send now (the listing machine under their grants). */
export async function sellerListings(em: EntityManager, seller: Viewer, states: string[] | null, now: Date) {
  const listings = await listingRepository.listBySeller(em, seller.id, states);
  const views = await listViews(em, listings, now);
  return views.map((view, i) => ({ ...view, actions: availableActions(listingMachine, listingSnapshot(listings[i]!), seller, listingSellerCommands) }));
}

export async function listingsInReview(em: EntityManager, limit: number, now: Date): Promise<ListingView[]> {
  return listViews(em, await listingRepository.listByState(em, 'pending_review', limit), now);
}
