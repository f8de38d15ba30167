// Seller listing management and the simple review list (the live triage queue is its own feature).
import { z } from 'zod';
import { listingMachine, type ListingState } from '@marketdesk/domain';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { listingFieldsSchema, listingPatchSchema } from '../../services/listings/listing-input.js';
import { commandListing, createListing, editListing } from '../../services/listings/listing-service.js';
import { getListing, listingSellerCommands, listingsInReview, sellerListings } from '../../services/listings/listing-view.js';

const manage = permissionProcedure('listings.manage');
const review = permissionProcedure('listings.review');

const listingStates = z.enum(listingMachine.stateNames as [ListingState, ...ListingState[]]);

const mine = manage
  .input(z.object({ states: z.array(listingStates).max(listingMachine.stateNames.length).optional() }).default({}))
  .query(({ ctx, input }) => sellerListings(ctx.em, ctx.actor, input.states ?? null, new Date()));

const create = manage.input(listingFieldsSchema.extend({ draft: z.boolean().default(false) })).mutation(({ ctx, input }) => createListing(ctx.em, ctx.actor, input, new Date()));

const update = manage.input(listingPatchSchema).mutation(({ ctx, input }) => editListing(ctx.em, ctx.actor, input, new Date()));

const sellerCommand = manage
  .input(z.object({ id: z.string().uuid(), version: z.number().int().positive(), command: z.enum(listingSellerCommands) }))
  .mutation(({ ctx, input }) => commandListing(ctx.em, ctx.actor, input, new Date()));

const pendingReview = review
  .input(z.object({ limit: z.number().int().min(1).max(200).default(100) }).default({ limit: 100 }))
  .query(({ ctx, input }) => listingsInReview(ctx.em, input.limit, new Date()));

const decide = review
  .input(
    z.discriminatedUnion('command', [
      z.object({ id: z.string().uuid(), version: z.number().int().positive(), command: z.literal('approve') }),
      z.object({ id: z.string().uuid(), version: z.number().int().positive(), command: z.literal('reject'), reason: z.string().trim().min(3, 'Say why, so the seller can fix it').max(1000) }),
    ]),
  )
  .mutation(({ ctx, input }) => commandListing(ctx.em, ctx.actor, input, new Date()));

/** One listing as the reviewer sees it (the `listings` queue drawer), whatever its state. */
const forReview = review.input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => getListing(ctx.em, ctx.actor, { id: input.id }, new Date()));

export const listingsRouter = router({ mine, create, update, command: sellerCommand, pendingReview, decide, forReview });
