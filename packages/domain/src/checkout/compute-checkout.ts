// Checkout totals for a cart that spans several sellers: one order per seller, one payment.
//
// Rules (prices are tax-exclusive; all amounts integer minor units, EUR unless told otherwise):
// 1. Orders: the cart splits into one order per seller, in the order sellers first appear in it;
//    each order keeps its lines in cart order. lineTotalMinor = unitPriceMinor × quantity.
// 2. Combined shipping: an order's shipping is the highest shippingMinor among its lines, once —
//    not per line and not per unit — because one seller sends one parcel.
// 3. Tax: rate(destination country) × (items + shipping) of each order, rounded half-up to a whole
//    minor unit per order (an order is what gets invoiced). The buyer pays it on top:
//    totalMinor = itemsMinor + shippingMinor + taxMinor.
// 4. Platform fee: feeBasisPoints × the order's items subtotal only (never shipping or tax: those
//    pass through), rounded half-up. The buyer never pays it; it comes off the seller's side:
//    sellerNetMinor = totalMinor − feeMinor (the seller, as merchant of record, remits the tax).
// 5. Delivery SLA of an order = the slowest of its lines.
// 6. Checkout amounts are the sums of the order amounts, so Σ orders = checkout exactly; rounding
//    happens only per order, never on the checkout as a whole.
// Refusals (empty cart, quantity outside 1…99, a negative or fractional price, a listing twice,
// totals beyond the safe integer range) are returned as typed values, never thrown.
import { divideRounded } from '../money/rounding.js';
import { taxRateFor } from './tax-table.js';
import type { CheckoutInput, CheckoutLineInput, CheckoutLineTotals, CheckoutResult, SellerOrderTotals } from './types.js';
import { amountTooLarge, checkoutInputProblem } from './validate-checkout.js';

const BP = 10_000n;

export function computeCheckout(input: CheckoutInput): CheckoutResult {
  const problem = checkoutInputProblem(input);
  if (problem) return problem;
  const taxBasisPoints = taxRateFor(input.taxTable, input.country);
  const orders: SellerOrderTotals[] = [];
  for (const [sellerId, lines] of groupBySeller(input.lines)) {
    const order = sellerOrderTotals(sellerId, lines, taxBasisPoints, input.feeBasisPoints);
    if (!order) return amountTooLarge();
    orders.push(order);
  }
  const sumOf = (pick: (o: SellerOrderTotals) => number) => orders.reduce((s, o) => s + BigInt(pick(o)), 0n);
  const sums = safeAmounts({
    itemsMinor: sumOf((o) => o.itemsMinor),
    shippingMinor: sumOf((o) => o.shippingMinor),
    taxMinor: sumOf((o) => o.taxMinor),
    totalMinor: sumOf((o) => o.totalMinor),
    feeMinor: sumOf((o) => o.feeMinor),
  });
  if (!sums) return amountTooLarge();
  return { ok: true, checkout: { currency: input.currency ?? 'EUR', country: input.country, taxBasisPoints, orders, ...sums } };
}

/** Lines grouped by seller; a Map iterates in insertion order, i.e. first appearance in the cart. */
function groupBySeller(lines: readonly CheckoutLineInput[]): Map<string, CheckoutLineInput[]> {
  const groups = new Map<string, CheckoutLineInput[]>();
  for (const line of lines) groups.set(line.sellerId, [...(groups.get(line.sellerId) ?? []), line]);
  return groups;
}

/**
 * One seller's order, in bigint so no intermediate product can lose precision; null when an
 * amount leaves the safe integer range (the caller refuses the checkout).
 */
function sellerOrderTotals(sellerId: string, lines: readonly CheckoutLineInput[], taxBasisPoints: number, feeBasisPoints: number): SellerOrderTotals | null {
  const lineTotals = lines.map((line) => BigInt(line.unitPriceMinor) * BigInt(line.quantity));
  const items = lineTotals.reduce((s, t) => s + t, 0n);
  const shipping = lines.reduce((max, line) => (BigInt(line.shippingMinor) > max ? BigInt(line.shippingMinor) : max), 0n);
  const tax = divideRounded((items + shipping) * BigInt(taxBasisPoints), BP, 'half-up');
  const fee = divideRounded(items * BigInt(feeBasisPoints), BP, 'half-up');
  const total = items + shipping + tax;
  const amounts = safeAmounts({ itemsMinor: items, shippingMinor: shipping, taxMinor: tax, totalMinor: total, feeMinor: fee, sellerNetMinor: total - fee });
  // Every line total is at most the items subtotal, so checking the subtotal covers them.
  if (!amounts) return null;
  return {
    sellerId,
    lines: lines.map((line, i): CheckoutLineTotals => ({ ...line, lineTotalMinor: Number(lineTotals[i]) })),
    ...amounts,
    deliverySlaDays: Math.max(...lines.map((line) => line.deliverySlaDays)),
  };
}

/** The same record as safe-integer numbers, or null when any value is beyond Number.MAX_SAFE_INTEGER. */
function safeAmounts<K extends string>(amounts: Record<K, bigint>): Record<K, number> | null {
  const entries = Object.entries(amounts) as [K, bigint][];
  if (entries.some(([, v]) => v > BigInt(Number.MAX_SAFE_INTEGER))) return null;
  return Object.fromEntries(entries.map(([k, v]) => [k, Number(v)])) as Record<K, number>;
}
