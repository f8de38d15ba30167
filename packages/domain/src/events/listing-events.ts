// Listing review and availability events, for `queue:listings` and `seller:{id}`.
import { z } from 'zod';
import { eventId, transitionFields } from './transition-fields.js';

const listing = { listingId: eventId, sellerId: eventId, ...transitionFields };

export const listingEventPayloads = {
  'listing.submitted': z.object(listing),
  'listing.approved': z.object(listing),
  'listing.rejected': z.object({ ...listing, reason: z.string() }),
  'listing.revised': z.object(listing),
  'listing.paused': z.object(listing),
  'listing.resumed': z.object(listing),
  'listing.sold_out': z.object(listing),
  'listing.restocked': z.object({ ...listing, quantity: z.number().int() }),
  'listing.archived': z.object(listing),
} as const;
