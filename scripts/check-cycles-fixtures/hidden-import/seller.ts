// check-cycles.mjs's test fixture (see listing.ts).
import { describeListing } from './listing.js';

export const sellerName = (id: string) => `seller ${id}`;
export const sellerListing = (id: string) => describeListing(id);
