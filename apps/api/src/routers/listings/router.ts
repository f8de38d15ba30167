// Seller listing management and the simple review list (the live triage queue is its own feature;
// reviewers decide through queues.decide on the listing's queue row, which `forReview` carries).
import { z } from 'zod';
import { listingMachine, type ListingState } from '@marketdesk/domain';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { listingFieldsSchema, listingPatchSchema } from '../../services/listings/listing-input.js';
import { commandListing, createListing, editListing } from '../../services/listings/listing-service.js';
import { listingForReview, listingSellerCommands, listingsInReview, sellerListings } from '../../services/listings/listing-view.js';

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

/** One listing as the reviewer sees it (the `listings` queue drawer), whatever its state, with its queue row. */
const forReview = review.input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => listingForReview(ctx.em, ctx.actor, input.id, new Date()));

export const listingsRouter = router({ mine, create, update, command: sellerCommand, pendingReview, forReview });
