import { z } from 'zod';
import { authedProcedure, permissionProcedure, publicProcedure, router } from '../../trpc/procedures.js';
import { reviewForOrder, reviewsForListing, reviewsForSeller } from '../../services/reviews/read-reviews.js';
import { createReview, editReview, hideReview, replyToReview, reviewView } from '../../services/reviews/review-service.js';

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

const forListing = publicProcedure
  .input(z.object({ listingId: z.string().uuid(), limit: z.number().int().min(1).max(50).default(20) }))
  .query(({ ctx, input }) => reviewsForListing(ctx.em, ctx.actor, input.listingId, input.limit, new Date()));

/** Staff also see hidden reviews (marked as such). */
const forSeller = publicProcedure
  .input(z.object({ sellerId: z.string().uuid(), limit: z.number().int().min(1).max(100).default(20) }))
  .query(({ ctx, input }) => reviewsForSeller(ctx.em, ctx.actor, input.sellerId, input.limit, new Date()));

const forOrder = authedProcedure.input(z.object({ orderId: z.string().uuid() })).query(({ ctx, input }) => reviewForOrder(ctx.em, ctx.actor, input.orderId, new Date()));

export const reviewsRouter = router({ create, edit, reply, hide, forListing, forSeller, forOrder });
