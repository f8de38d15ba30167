// check-cycles.mjs's test fixture (see order.ts).
import type { Order } from './order.js';

export interface Seller {
  lastOrder: Order;
}
