// check-cycles.mjs's test fixture (see order.ts).
import type { Seller } from './seller.js';

export interface Buyer {
  favouriteSeller: Seller;
}
