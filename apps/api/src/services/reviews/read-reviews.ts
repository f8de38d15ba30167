// Reading reviews: a listing's and a seller's (with their average), and the one on an order. Staff
// who moderate also see hidden reviews on a seller's page; an order's review is shown to its buyer,
// its seller and moderators only.
import { hasGrant, type Role } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { reviewRepository } from '../../repositories/review-repository.js';
import { reviewView } from './review-service.js';

type Viewer = { id: string; roles: Role[] } | null;
const moderates = (viewer: Viewer) => Boolean(viewer && hasGrant(viewer, 'reviews.moderate'));

export async function reviewsForListing(em: EntityManager, viewer: Viewer, listingId: string, limit: number, now: Date) {
  const { reviews, aggregate } = await reviewRepository.forListing(em, listingId, limit);
  return { aggregate, reviews: reviews.map((r) => reviewView(r, viewer, now)) };
}

export async function reviewsForSeller(em: EntityManager, viewer: Viewer, sellerId: string, limit: number, now: Date) {
  const { reviews, aggregate } = await reviewRepository.forSeller(em, sellerId, { includeHidden: moderates(viewer), limit });
  return { aggregate, reviews: reviews.map((r) => reviewView(r, viewer, now)) };
}

export async function reviewForOrder(em: EntityManager, viewer: NonNullable<Viewer>, orderId: string, now: Date) {
  const r = await reviewRepository.findByOrder(em, orderId);
  return r && (r.buyerId === viewer.id || r.sellerId === viewer.id || moderates(viewer)) ? reviewView(r, viewer, now) : null;
}
