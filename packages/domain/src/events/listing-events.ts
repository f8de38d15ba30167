// Listing events, for `queue:listings`, `seller:{id}` and (stock) the public `listing:{id}` room.
import { z } from 'zod';
import { eventId, transitionFields } from './transition-fields.js';

const listing = { listingId: eventId, sellerId: eventId, ...transitionFields };

/** Transitions of the listing machine (review, availability, the end of a deal window). */
export const listingTransitionEventPayloads = {
  'listing.submitted': z.object(listing),
  'listing.approved': z.object(listing),
  'listing.rejected': z.object({ ...listing, reason: z.string() }),
  'listing.revised': z.object(listing),
  'listing.paused': z.object(listing),
  'listing.resumed': z.object(listing),
  'listing.sold_out': z.object(listing),
  'listing.restocked': z.object({ ...listing, quantity: z.number().int() }),
  'listing.archived': z.object(listing),
  /** The listing's deal window ended; the system archived it. */
  'listing.deal_expired': z.object(listing),
} as const;

/**
 * Published by the listing service itself, not by a machine transition: a listing created or
 * edited by a person, and stock moving as carts check out (for live stock on the listing page).
 */
export const listingRecordEventPayloads = {
  'listing.created': z.object({ listingId: eventId, sellerId: eventId, actorId: eventId }),
  'listing.edited': z.object({ listingId: eventId, sellerId: eventId, actorId: eventId, fields: z.array(z.string().min(1)) }),
  'listing.stock_changed': z.object({ listingId: eventId, sellerId: eventId, available: z.number().int().min(0), soldOut: z.boolean() }),
  /** A price changed: by the seller, a markdown run or an admin's bulk policy change (with the policy version). */
  'listing.price_changed': z.object({
    listingId: eventId,
    sellerId: eventId,
    fromMinor: z.number().int().min(0),
    toMinor: z.number().int().min(0),
    currency: z.string().length(3),
    reason: z.enum(['seller', 'markdown', 'policy']),
    policyVersionId: z.string().nullable(),
    policyVersion: z.number().int().positive().nullable(),
    actorId: z.string().nullable(),
  }),
} as const;

export const listingEventPayloads = { ...listingTransitionEventPayloads, ...listingRecordEventPayloads } as const;
