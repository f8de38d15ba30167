// Signing in with a guest cart: fold the lines kept in local storage into the server cart.
//
// A listing in both carts takes the larger of the two quantities, not their sum: the usual case is
// the same visitor adding the same item before and after signing in, and doubling it would be a
// surprise at checkout. Quantities are capped at MAX_CART_QUANTITY and, when stock is known, at the
// stock; a line left with nothing (stock 0) is dropped. Order is stable: server lines first, in
// their order, then lines only the guest cart had, in its order.
import { MAX_CART_QUANTITY } from './limits.js';

export interface CartLine {
  listingId: string;
  quantity: number;
}

/** Available units per listing id; a listing missing from it is not capped by stock. */
export type StockByListing = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/**
 * Guest lines come from the browser and should be parsed with cartLineSchema first; any line whose
 * quantity is still not a positive integer is ignored rather than trusted. A listing repeated
 * within one cart is folded the same way (larger quantity wins).
 */
export function mergeCarts<L extends CartLine>(serverLines: readonly L[], guestLines: readonly L[], stockByListing?: StockByListing): L[] {
  const merged = new Map<string, L>();
  for (const line of [...serverLines, ...guestLines]) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) continue;
    const existing = merged.get(line.listingId);
    merged.set(line.listingId, existing ? { ...existing, quantity: Math.max(existing.quantity, line.quantity) } : line);
  }
  const result: L[] = [];
  for (const line of merged.values()) {
    const quantity = Math.min(line.quantity, MAX_CART_QUANTITY, stockOf(stockByListing, line.listingId));
    if (quantity >= 1) result.push(quantity === line.quantity ? line : { ...line, quantity });
  }
  return result;
}

function stockOf(stock: StockByListing | undefined, listingId: string): number {
  if (!stock) return Infinity;
  const available = stock instanceof Map ? stock.get(listingId) : Object.prototype.hasOwnProperty.call(stock, listingId) ? (stock as Record<string, number>)[listingId] : undefined;
  return available === undefined ? Infinity : Math.max(0, Math.floor(available));
}
