// check-cycles.mjs's test fixture: imports only the shared type.
import type { Listing } from './listing-shape.js';

export const sellerName = (id: string) => `seller ${id}`;
export const sellerOf = (listing: Listing) => listing.sellerId;
