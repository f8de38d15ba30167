// check-cycles.mjs's test fixture: two cycles through order.ts and seller.ts — order → buyer →
// seller → order, and order → payout → seller → order. A listing that walks each file once (dpdm's
// own) can show one and hide the other, depending on the order it meets the files; the check must
// name all four files and a cycle through payout.ts.
import type { Buyer } from './buyer.js';
import type { Payout } from './payout.js';

export interface Order {
  buyer: Buyer;
  payout: Payout;
}
