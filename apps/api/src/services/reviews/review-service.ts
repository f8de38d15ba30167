// Reviews: the buyer of a completed order writes one (the database's unique constraint, not only
// this code, keeps it to one), may edit it for 7 days; the seller may reply once; staff may hide an
// abusive one with a reason, recorded with who did it.
import { randomUUID } from 'node:crypto';
import { hasGrant, type Role } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { reviewRepository, type ReviewRecord } from '../../repositories/review-repository.js';
import { recordEvent } from '../outbox/record-event.js';

export const REVIEW_EDIT_WINDOW_MS = 7 * 86_400_000;

interface Person {
  id: string;
  roles: Role[];
}

const ids = (r: { id: string; orderId: string; buyerId: string; sellerId: string }) => ({ reviewId: r.id, orderId: r.orderId, buyerId: r.buyerId, sellerId: r.sellerId });

export async function createReview(em: EntityManager, buyer: Person, input: { orderId: string; rating: number; body: string }, now: Date) {
  return em.transactional(async (tx) => {
    const order = await checkoutRepository.findOrder(tx, input.orderId);
    if (!order || order.buyerId !== buyer.id) throw new AppError('NOT_FOUND', 'This order does not exist.');
    if (order.state !== 'completed') throw new AppError('CONFLICT', 'You can review an order once it is completed.', { state: order.state });
    const review = { id: randomUUID(), orderId: order.id, buyerId: buyer.id, sellerId: order.sellerId };
    const inserted = await reviewRepository.insert(tx, { ...review, rating: input.rating, body: input.body, editableUntil: new Date(now.getTime() + REVIEW_EDIT_WINDOW_MS), now });
    if (!inserted) throw new AppError('CONFLICT', 'You already reviewed this order; edit your review instead.', { reason: 'ALREADY_REVIEWED' });
    await recordEvent(tx, { stream: `review:${review.id}`, name: 'review.created', payload: { ...ids(review), rating: input.rating }, rooms: [`seller:${order.sellerId}`, `order:${order.id}`], actorId: buyer.id, now });
    return (await reviewRepository.find(tx, review.id))!;
  });
}

export async function editReview(em: EntityManager, buyer: Person, input: { id: string; rating: number; body: string }, now: Date) {
  return em.transactional(async (tx) => {
    const review = await reviewRepository.find(tx, input.id, { forUpdate: true });
    if (!review || review.buyerId !== buyer.id) throw new AppError('NOT_FOUND', 'This review does not exist.');
    if (review.editableUntil < now) throw new AppError('CONFLICT', 'Reviews can be edited for 7 days after they are written.', { reason: 'EDIT_WINDOW_CLOSED' });
    await reviewRepository.update(tx, review.id, { rating: input.rating, body: input.body }, now);
    await recordEvent(tx, { stream: `review:${review.id}`, name: 'review.updated', payload: { ...ids(review), rating: input.rating }, rooms: [`seller:${review.sellerId}`], actorId: buyer.id, now });
    return (await reviewRepository.find(tx, review.id))!;
  });
}

export async function replyToReview(em: EntityManager, seller: Person, input: { id: string; body: string }, now: Date) {
  return em.transactional(async (tx) => {
    const review = await reviewRepository.find(tx, input.id, { forUpdate: true });
    if (!review || review.sellerId !== seller.id) throw new AppError('NOT_FOUND', 'This review does not exist.');
    if (review.sellerReply !== null) throw new AppError('CONFLICT', 'You already replied to this review.', { reason: 'ALREADY_REPLIED' });
    await reviewRepository.update(tx, review.id, { sellerReply: input.body }, now);
    await recordEvent(tx, { stream: `review:${review.id}`, name: 'review.replied', payload: ids(review), rooms: [`user:${review.buyerId}`], actorId: seller.id, now });
    return (await reviewRepository.find(tx, review.id))!;
  });
}

export async function hideReview(em: EntityManager, staff: Person, input: { id: string; reason: string }, now: Date) {
  if (!hasGrant(staff, 'reviews.moderate')) throw new AppError('FORBIDDEN', 'Only staff may hide reviews.');
  return em.transactional(async (tx) => {
    const review = await reviewRepository.find(tx, input.id, { forUpdate: true });
    if (!review) throw new AppError('NOT_FOUND', 'This review does not exist.');
    await reviewRepository.update(tx, review.id, { hidden: true, hiddenReason: input.reason }, now);
    await recordEvent(tx, { stream: `review:${review.id}`, name: 'review.hidden', payload: { ...ids(review), actorId: staff.id, reason: input.reason }, rooms: [`seller:${review.sellerId}`, 'team:all'], actorId: staff.id, now });
    return (await reviewRepository.find(tx, review.id))!;
  });
}

export function reviewView(r: ReviewRecord, viewer: { id: string } | null, now: Date) {
  return {
    id: r.id,
    orderId: r.orderId,
    rating: r.rating,
    body: r.body,
    buyer: { id: r.buyerId, name: r.buyerName },
    sellerReply: r.sellerReply,
    sellerRepliedAt: r.sellerRepliedAt,
    hidden: r.hidden,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    canEdit: viewer?.id === r.buyerId && r.editableUntil > now,
    canReply: viewer?.id === r.sellerId && r.sellerReply === null,
  };
}
