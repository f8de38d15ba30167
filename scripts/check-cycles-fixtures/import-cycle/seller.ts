// check-cycles.mjs's fixture: the other half of the cycle, through a type-only import.
import type { Listing } from './listing.js';

export const sellerName = (id: string) => `seller ${id}`;
export const sellerOf = (listing: Listing) => listing.sellerId;
