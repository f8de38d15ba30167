import { z } from 'zod';
import { authedProcedure, permissionProcedure, publicProcedure, router } from '../../trpc/procedures.js';
import { reviewRepository } from '../../repositories/review-repository.js';
import { createReview, editReview, hideReview, replyToReview, reviewView } from '../../services/reviews/review-service.js';
import { hasGrant } from '@marketdesk/domain';

const text = z.string().trim().max(4000);

const create = authedProcedure
  .input(z.object({ orderId: z.string().uuid(), rating: z.number().int().min(1, 'Pick 1 to 5 stars').max(5, 'Pick 1 to 5 stars'), body: text.default('') }))
  .mutation(async ({ ctx, input }) => reviewView(await createReview(ctx.em, ctx.actor, input, new Date()), ctx.actor, new Date()));

const edit = authedProcedure
  .input(z.object({ id: z.string().uuid(), rating: z.number().int().min(1).max(5), body: text.default('') }))
  .mutation(async ({ ctx, input }) => reviewView(await editReview(ctx.em, ctx.actor, input, new Date()), ctx.actor, new Date()));

const reply = authedProcedure
  .input(z.object({ id: z.string().uuid(), body: z.string().trim().min(2, 'Write a reply').max(2000) }))
  .mutation(async ({ ctx, input }) => reviewView(await replyToReview(ctx.em, ctx.actor, input, new Date()), ctx.actor, new Date()));

const hide = permissionProcedure('reviews.moderate')
  .input(z.object({ id: z.string().uuid(), reason: z.string().trim().min(3, 'Say why it is hidden').max(500) }))
  .mutation(async ({ ctx, input }) => reviewView(await hideReview(ctx.em, ctx.actor, input, new Date()), ctx.actor, new Date()));

const forListing = publicProcedure.input(z.object({ listingId: z.string().uuid(), limit: z.number().int().min(1).max(50).default(20) })).query(async ({ ctx, input }) => {
  const { reviews, aggregate } = await reviewRepository.forListing(ctx.em, input.listingId, input.limit);
  return { aggregate, reviews: reviews.map((r) => reviewView(r, ctx.actor, new Date())) };
});

/** Staff also see hidden reviews (marked as such). */
const forSeller = publicProcedure.input(z.object({ sellerId: z.string().uuid(), limit: z.number().int().min(1).max(100).default(20) })).query(async ({ ctx, input }) => {
  const includeHidden = Boolean(ctx.actor && hasGrant(ctx.actor, 'reviews.moderate'));
  const { reviews, aggregate } = await reviewRepository.forSeller(ctx.em, input.sellerId, { includeHidden, limit: input.limit });
  return { aggregate, reviews: reviews.map((r) => reviewView(r, ctx.actor, new Date())) };
});

const forOrder = authedProcedure.input(z.object({ orderId: z.string().uuid() })).query(async ({ ctx, input }) => {
  const r = await reviewRepository.findByOrder(ctx.em, input.orderId);
  return r && (r.buyerId === ctx.actor.id || r.sellerId === ctx.actor.id || hasGrant(ctx.actor, 'reviews.moderate')) ? reviewView(r, ctx.actor, new Date()) : null;
});

export const reviewsRouter = router({ create, edit, reply, hide, forListing, forSeller, forOrder });
