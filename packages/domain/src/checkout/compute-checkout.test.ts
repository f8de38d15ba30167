import { describe, expect, it } from 'vitest';
import { computeCheckout } from './compute-checkout.js';
import { defaultTaxTable } from './tax-table.js';
import type { CheckoutInput, CheckoutLineInput, CheckoutResult } from './types.js';

const line = (over: Partial<CheckoutLineInput> & Pick<CheckoutLineInput, 'listingId' | 'sellerId'>): CheckoutLineInput => ({
  title: `Record ${over.listingId}`,
  unitPriceMinor: 1000,
  quantity: 1,
  shippingMinor: 0,
  deliverySlaDays: 3,
  ...over,
});

const input = (over: Partial<CheckoutInput> = {}): CheckoutInput => ({
  country: 'DE',
  feeBasisPoints: 1000,
  taxTable: defaultTaxTable,
  lines: [
    line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: 1299, quantity: 2, shippingMinor: 495, deliverySlaDays: 2 }),
    line({ listingId: 'L2', sellerId: 's2', unitPriceMinor: 2000, shippingMinor: 0, deliverySlaDays: 3 }),
    line({ listingId: 'L3', sellerId: 's1', unitPriceMinor: 500, shippingMinor: 300, deliverySlaDays: 5 }),
  ],
  ...over,
});

function ok(result: CheckoutResult) {
  if (!result.ok) throw new Error(`refused: ${result.refusal} ${result.message}`);
  return result.checkout;
}

describe('computeCheckout', () => {
  it('splits the cart into one order per seller and totals each by hand-checkable rules', () => {
    const c = ok(computeCheckout(input()));
    expect(c.orders.map((o) => o.sellerId)).toEqual(['s1', 's2']); // first appearance
    expect(c.orders[0]?.lines.map((l) => [l.listingId, l.lineTotalMinor])).toEqual([['L1', 2598], ['L3', 500]]);
    // s1: items 3 098, shipping max(495, 300) = 495, tax 19 % × 3 593 = 682.67 → 683, fee 10 % × 3 098 = 309.8 → 310.
    expect(c.orders[0]).toMatchObject({ itemsMinor: 3098, shippingMinor: 495, taxMinor: 683, totalMinor: 4276, feeMinor: 310, sellerNetMinor: 3966, deliverySlaDays: 5 });
    // s2: items 2 000, no shipping, tax 380, fee 200.
    expect(c.orders[1]).toMatchObject({ itemsMinor: 2000, shippingMinor: 0, taxMinor: 380, totalMinor: 2380, feeMinor: 200, sellerNetMinor: 2180, deliverySlaDays: 3 });
    expect(c).toMatchObject({ currency: 'EUR', country: 'DE', taxBasisPoints: 1900, itemsMinor: 5098, shippingMinor: 495, taxMinor: 1063, totalMinor: 6656, feeMinor: 510 });
  });

  it('keeps every input field on the lines', () => {
    const c = ok(computeCheckout(input()));
    expect(c.orders[1]?.lines[0]).toEqual({ listingId: 'L2', sellerId: 's2', title: 'Record L2', unitPriceMinor: 2000, quantity: 1, shippingMinor: 0, deliverySlaDays: 3, lineTotalMinor: 2000 });
  });

  it('rounds tax and fee half-up per order', () => {
    // 19 % × 50 = 9.5 → 10; 10 % × 50 = 5 exactly; 1 % × 50 = 0.5 → 1.
    const lines = [line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: 50 })];
    expect(ok(computeCheckout(input({ lines }))).orders[0]).toMatchObject({ taxMinor: 10, feeMinor: 5, totalMinor: 60, sellerNetMinor: 55 });
    expect(ok(computeCheckout(input({ lines, feeBasisPoints: 100 }))).feeMinor).toBe(1);
    // 19 % × 52 = 9.88 → 10; 19 % × 47 = 8.93 → 9; 19 % × 45 = 8.55 → 9; 19 % × 44 = 8.36 → 8.
    for (const [price, tax] of [[52, 10], [47, 9], [45, 9], [44, 8]] as const) {
      expect(ok(computeCheckout(input({ lines: [line({ listingId: 'L', sellerId: 's', unitPriceMinor: price })] }))).taxMinor).toBe(tax);
    }
  });

  it('taxes by destination, charges no fee on shipping or tax, and never charges the buyer the fee', () => {
    const lines = [line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: 10_000, shippingMinor: 1000 })];
    expect(ok(computeCheckout(input({ lines, country: 'NL' })))).toMatchObject({ taxMinor: 2310, totalMinor: 13_310, feeMinor: 1000 });
    expect(ok(computeCheckout(input({ lines, country: 'US' })))).toMatchObject({ taxMinor: 0, totalMinor: 11_000, feeMinor: 1000 });
    expect(ok(computeCheckout(input({ lines, country: 'IT', taxTable: { rates: { ...defaultTaxTable.rates, IT: 2200 } } }))).taxMinor).toBe(2420);
    expect(ok(computeCheckout(input({ lines, feeBasisPoints: 0 }))).orders[0]?.sellerNetMinor).toBe(13_090);
  });

  it('defaults to EUR and honours another currency', () => {
    expect(ok(computeCheckout(input())).currency).toBe('EUR');
    expect(ok(computeCheckout(input({ currency: 'JPY' }))).currency).toBe('JPY');
  });

  it('handles free items and free shipping', () => {
    const lines = [line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: 0, shippingMinor: 0, deliverySlaDays: 0 })];
    expect(ok(computeCheckout(input({ lines })))).toMatchObject({ itemsMinor: 0, shippingMinor: 0, taxMinor: 0, totalMinor: 0, feeMinor: 0 });
  });

  const refusals: [string, Partial<CheckoutInput>, string, string?][] = [
    ['an empty cart', { lines: [] }, 'EMPTY_CART'],
    ['quantity 0', { lines: [line({ listingId: 'L1', sellerId: 's1', quantity: 0 })] }, 'INVALID_QUANTITY', 'L1'],
    ['quantity 100', { lines: [line({ listingId: 'L1', sellerId: 's1', quantity: 100 })] }, 'INVALID_QUANTITY', 'L1'],
    ['quantity 1.5', { lines: [line({ listingId: 'L1', sellerId: 's1', quantity: 1.5 })] }, 'INVALID_QUANTITY', 'L1'],
    ['a negative price', { lines: [line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: -1 })] }, 'INVALID_AMOUNT', 'L1'],
    ['a fractional price', { lines: [line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: 9.99 })] }, 'INVALID_AMOUNT', 'L1'],
    ['negative shipping', { lines: [line({ listingId: 'L1', sellerId: 's1', shippingMinor: -5 })] }, 'INVALID_AMOUNT', 'L1'],
    ['an unsafe price', { lines: [line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: Number.MAX_SAFE_INTEGER + 1 })] }, 'INVALID_AMOUNT', 'L1'],
    ['a negative SLA', { lines: [line({ listingId: 'L1', sellerId: 's1', deliverySlaDays: -1 })] }, 'INVALID_SLA', 'L1'],
    ['a listing twice', { lines: [line({ listingId: 'L1', sellerId: 's1' }), line({ listingId: 'L1', sellerId: 's1', quantity: 2 })] }, 'DUPLICATE_LISTING', 'L1'],
    ['a fee above 100 %', { feeBasisPoints: 10_001 }, 'INVALID_FEE'],
    ['a fractional fee', { feeBasisPoints: 12.5 }, 'INVALID_FEE'],
    ['a lower-case country', { country: 'de' }, 'INVALID_COUNTRY'],
    ['a missing country', { country: '' }, 'INVALID_COUNTRY'],
    ['a code ISO never assigned', { country: 'XX' }, 'INVALID_COUNTRY'],
    ['a country without a tax rate (we do not ship there), never a 0 % tax', { country: 'IT' }, 'UNSUPPORTED_COUNTRY'],
    ['an unknown currency', { currency: 'XXX' as 'EUR' }, 'UNKNOWN_CURRENCY'],
    ['a line total beyond safe integers', { lines: [line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: Number.MAX_SAFE_INTEGER, quantity: 2 })] }, 'AMOUNT_TOO_LARGE'],
    ['a tax beyond safe integers', { lines: [line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: Number.MAX_SAFE_INTEGER - 10 })] }, 'AMOUNT_TOO_LARGE'],
    [
      'a checkout total beyond safe integers',
      { country: 'US', lines: [line({ listingId: 'L1', sellerId: 's1', unitPriceMinor: 2 ** 52 }), line({ listingId: 'L2', sellerId: 's2', unitPriceMinor: 2 ** 52 })] },
      'AMOUNT_TOO_LARGE',
    ],
  ];
  it.each(refusals)('refuses %s with a typed refusal', (_what, over, refusal, listingId) => {
    const result = computeCheckout(input(over));
    expect(result).toMatchObject({ ok: false, refusal });
    if (!result.ok) {
      expect(result.message.length).toBeGreaterThan(0);
      expect(result.listingId).toBe(listingId);
    }
  });
});
