// Property family "a checkout never loses or creates a cent": random multi-seller carts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCheckout } from './compute-checkout.js';
import { defaultTaxTable, taxRateFor } from './tax-table.js';
import type { CheckoutLineInput, SellerOrderTotals } from './types.js';

const lineArb = fc.record({
  sellerId: fc.constantFrom('s1', 's2', 's3', 's4'),
  title: fc.constant('Record'),
  unitPriceMinor: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000_000 })),
  quantity: fc.integer({ min: 1, max: 99 }),
  shippingMinor: fc.integer({ min: 0, max: 100_000 }),
  deliverySlaDays: fc.integer({ min: 0, max: 30 }),
});
const cartArb = fc.array(lineArb, { minLength: 1, maxLength: 12 }).map((lines) => lines.map((l, i): CheckoutLineInput => ({ ...l, listingId: `L${i}` })));
const withinHalf = (roundedMinor: number, basisPoints: number, baseMinor: number) => {
  const difference = BigInt(roundedMinor) * 10_000n - BigInt(basisPoints) * BigInt(baseMinor);
  return difference > -5_000n && difference <= 5_000n; // ties round up: +½ happens, -½ never
};
const sumOf = (orders: SellerOrderTotals[], pick: (o: SellerOrderTotals) => number) => orders.reduce((s, o) => s + pick(o), 0);

describe('computeCheckout (property)', () => {
  it('order amounts sum to the checkout amounts, each order adds up, and rounding stays within half a cent', () => {
    fc.assert(
      fc.property(cartArb, fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...Object.keys(defaultTaxTable.rates)), (lines, feeBasisPoints, country) => {
        const result = computeCheckout({ country, lines, feeBasisPoints, taxTable: defaultTaxTable });
        if (!result.ok) throw new Error(result.message);
        const c = result.checkout;
        for (const key of ['itemsMinor', 'shippingMinor', 'taxMinor', 'totalMinor', 'feeMinor'] as const) expect(sumOf(c.orders, (o) => o[key])).toBe(c[key]);
        expect(c.totalMinor).toBe(c.itemsMinor + c.shippingMinor + c.taxMinor);

        expect(c.orders.map((o) => o.sellerId)).toEqual([...new Set(lines.map((l) => l.sellerId))]);
        expect(c.orders.flatMap((o) => o.lines.map((l) => l.listingId)).sort()).toEqual(lines.map((l) => l.listingId).sort());
        const rate = taxRateFor(defaultTaxTable, country);
        for (const o of c.orders) {
          expect(o.itemsMinor).toBe(o.lines.reduce((s, l) => s + l.unitPriceMinor * l.quantity, 0));
          expect(o.lines.every((l) => l.lineTotalMinor === l.unitPriceMinor * l.quantity)).toBe(true);
          expect(o.shippingMinor).toBe(Math.max(...o.lines.map((l) => l.shippingMinor)));
          expect(o.deliverySlaDays).toBe(Math.max(...o.lines.map((l) => l.deliverySlaDays)));
          expect(o.totalMinor).toBe(o.itemsMinor + o.shippingMinor + o.taxMinor);
          expect(o.sellerNetMinor + o.feeMinor).toBe(o.totalMinor);
          expect(o.feeMinor).toBeLessThanOrEqual(o.itemsMinor);
          // Half-up: the rounded amount is within half a minor unit of the exact share (×10 000, in
          // bigint, to stay integral and exact).
          expect(withinHalf(o.taxMinor, rate, o.itemsMinor + o.shippingMinor)).toBe(true);
          expect(withinHalf(o.feeMinor, feeBasisPoints, o.itemsMinor)).toBe(true);
        }
      }),
      { numRuns: 3_000 },
    );
  }, 30_000); // 3,000 runs: seconds on a busy 2-core machine, never a timing assertion
});
