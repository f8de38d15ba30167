// check-cycles.mjs's test fixture: the cycle of ../import-cycle broken as the checker asks — the type
// both files need lives beside what it describes, so the imports run one way.
import { sellerName } from './seller.js';
import type { Listing } from './listing-shape.js';

export const describeListing = (listing: Listing) => `${listing.title} by ${sellerName(listing.sellerId)}`;
