// check-cycles.mjs's fixture: listing.ts and seller.ts import each other, seller.ts only for a type.
// The checker must report this pair, or it is broken.
import { sellerName } from './seller.js';

export interface Listing {
  title: string;
  sellerId: string;
}

export const describeListing = (listing: Listing) => `${listing.title} by ${sellerName(listing.sellerId)}`;
