// The pricing table a reader can check by hand with the default policy (EUR):
//   graded = reference × grade multiplier (M 120 %, NM 100 %, VG+ 75 %, VG 50 %, G+ 35 %, G 25 %,
//            F 15 %, P 5 %), rounded half-up
//   offer  = graded × 40 %, rounded down to 10 cents; declined (0) below €0.50
//   sell   = nearest x.99 to the graded value, but at least offer × 150 % and at least €2.99
import { describe, expect, it } from 'vitest';
import { InvariantError } from '../invariants/assert.js';
import { type Grade, gradeLabels, grades, isGrade } from './grades.js';
import { priceItem, sellPriceMinor } from './item-price.js';
import { daysInStock, markdownDiscountBp, markdownPriceMinor } from './markdown.js';
import { type PricingPolicy, defaultPricingPolicy as policy, pricingPolicyProblems } from './policy.js';
import { priceAtOrAbove, priceAtOrBelow, priceNearest } from './price-ending.js';
import { type QuoteItemInput, quoteSubmission } from './quote.js';

// grade, reference → graded, offer, sell (all in cents)
const table: [Grade, number, number, number, number][] = [
  ['M', 2_000, 2_400, 960, 2_399],
  ['NM', 2_000, 2_000, 800, 1_999],
  ['VG+', 2_000, 1_500, 600, 1_499],
  ['VG', 2_000, 1_000, 400, 999],
  ['G+', 2_000, 700, 280, 699],
  ['G', 2_000, 500, 200, 499],
  ['F', 2_000, 300, 120, 299],
  ['P', 2_000, 100, 0, 299], // offer €0.40 < €0.50: declined; shelf price is the €2.99 floor
  ['M', 4_500, 5_400, 2_160, 5_399],
  ['NM', 4_500, 4_500, 1_800, 4_499],
  ['VG+', 4_500, 3_375, 1_350, 3_399], // 33.75 is nearer 33.99 than 32.99
  ['VG', 4_500, 2_250, 900, 2_299], // 22.50: 22.99 is 49 away, 21.99 is 51 away
  ['G+', 4_500, 1_575, 630, 1_599],
  ['G', 4_500, 1_125, 450, 1_099],
  ['F', 4_500, 675, 270, 699],
  ['P', 4_500, 225, 90, 299],
  ['M', 1_999, 2_399, 950, 2_399], // 23.988 → 23.99 half-up; 9.596 → 9.59 → 9.50
  ['VG+', 1_999, 1_499, 590, 1_499], // 14.9925 → 14.99; 5.996 → 5.99 → 5.90
];

describe('pricing table (default policy, EUR)', () => {
  it.each(table)('%s at reference %i → graded %i, offer %i, sell %i', (grade, reference, graded, offer, sell) => {
    expect(priceItem(reference, grade, policy)).toEqual({
      grade,
      referencePriceMinor: reference,
      gradedValueMinor: graded,
      offerMinor: offer,
      declined: offer === 0,
      sellPriceMinor: sell,
    });
  });

  it('raises the shelf price when we paid more than our offer (accepted counter-offer)', () => {
    // NM at €20.00 cost us €15.00: at least €22.50 → nearest charm 22.99 (21.99 would lose margin).
    expect(sellPriceMinor(2_000, 1_500, policy)).toBe(2_299);
    // Cost €14.00 → at least €21.00: 20.99 is nearest but below the minimum, so 21.99.
    expect(sellPriceMinor(2_000, 1_400, policy)).toBe(2_199);
  });

  it('can price in whole units and in zero-decimal currencies', () => {
    const whole: PricingPolicy = { ...policy, currency: 'GBP', sellEnding: 'whole' };
    expect(priceItem(4_500, 'VG+', whole).sellPriceMinor).toBe(3_400);
    expect(priceItem(4_500, 'VG', whole).sellPriceMinor).toBe(2_300); // 22.50 ties up
    const yen: PricingPolicy = { ...policy, currency: 'JPY', offerStepMinor: 100, minOfferMinor: 100, sellFloorMinor: 500 };
    expect(priceItem(3_000, 'NM', yen)).toMatchObject({ gradedValueMinor: 3_000, offerMinor: 1_200, sellPriceMinor: 2_999 });
  });

  it('names the grades', () => {
    expect(grades.map((g) => gradeLabels[g])).toEqual(['Mint', 'Near Mint', 'Very Good Plus', 'Very Good', 'Good Plus', 'Good', 'Fair', 'Poor']);
    expect(isGrade('VG+')).toBe(true);
    expect(isGrade('Excellent')).toBe(false);
    expect(() => priceItem(-1, 'NM', policy)).toThrow(InvariantError);
  });
});

describe('price endings', () => {
  it('finds .99 and whole prices around an amount', () => {
    expect([priceAtOrBelow(1_250, 'charm', 'EUR'), priceAtOrAbove(1_250, 'charm', 'EUR')]).toEqual([1_199, 1_299]);
    expect([priceAtOrBelow(1_299, 'charm', 'EUR'), priceAtOrAbove(1_299, 'charm', 'EUR')]).toEqual([1_299, 1_299]);
    expect([priceAtOrBelow(50, 'charm', 'EUR'), priceAtOrAbove(50, 'charm', 'EUR')]).toEqual([null, 99]);
    expect([priceAtOrBelow(1_250, 'whole', 'EUR'), priceAtOrAbove(1_250, 'whole', 'EUR')]).toEqual([1_200, 1_300]);
    expect(priceNearest(1_248, 'charm', 'EUR')).toBe(1_199);
    expect(priceNearest(1_249, 'charm', 'EUR')).toBe(1_299); // a tie goes up
    expect(priceNearest(1_248, 'charm', 'EUR', 1_200)).toBe(1_299);
    expect(priceAtOrAbove(12_345, 'charm', 'KWD')).toBe(12_999);
  });
});

describe('submission quotes', () => {
  it('totals per-item offers, shows declined items at zero', () => {
    const quote = quoteSubmission(
      [
        { itemId: 'a', grade: 'NM', referencePriceMinor: 2_000 },
        { itemId: 'b', grade: 'VG', referencePriceMinor: 4_500 },
        { itemId: 'c', grade: 'P', referencePriceMinor: 2_000 },
      ],
      policy,
    );
    expect(quote.items.map((i) => [i.itemId, i.offerMinor, i.declined])).toEqual([['a', 800, false], ['b', 900, false], ['c', 0, true]]);
    expect(quote).toMatchObject({ currency: 'EUR', acceptedItemCount: 2, bonusMinor: 0, totalOfferMinor: 1_700 });
  });

  it('adds the bulk bonus on big lots and spreads it over the items without losing a cent', () => {
    const items = Array.from({ length: 11 }, (_, i): QuoteItemInput => ({ itemId: `i${i}`, grade: 'VG+', referencePriceMinor: 1_999 + i }));
    items.push({ itemId: 'poor', grade: 'P', referencePriceMinor: 100 });
    const quote = quoteSubmission(items, policy);
    const base = items.slice(0, 11).reduce((s, i) => s + priceItem(i.referencePriceMinor, i.grade, policy).offerMinor, 0);
    expect(quote.bonusMinor).toBe(Math.floor(base * 0.05));
    expect(quote.totalOfferMinor).toBe(base + quote.bonusMinor);
    expect(quote.items.reduce((s, i) => s + i.offerMinor, 0)).toBe(quote.totalOfferMinor);
    expect(quote.items.at(-1)).toMatchObject({ itemId: 'poor', offerMinor: 0, declined: true });
  });
});

describe('markdowns', () => {
  // €19.99 on the shelf, cost €8.00: −10 % after 30 days, −20 % after 60, −35 % after 90, −50 % after 180.
  const rows: [number, number][] = [
    [0, 1_999],
    [29, 1_999],
    [30, 1_799], // 17.991 → down to 17.99
    [60, 1_599],
    [90, 1_299], // 12.9935 → 12.99
    [180, 999], // 9.995 → 9.99, above the cost floor 8.99
    [365, 999],
  ];
  it.each(rows)('after %i days → %i', (days, price) => {
    expect(markdownPriceMinor(1_999, 800, days, policy)).toBe(price);
  });

  it('never goes below cost or the floor', () => {
    expect(markdownPriceMinor(1_999, 1_200, 180, policy)).toBe(1_299); // cost 12.00 → floor 12.99
    expect(markdownPriceMinor(399, 0, 180, policy)).toBe(299); // 1.99 → floor 2.99
    expect(markdownPriceMinor(299, 500, 180, policy)).toBe(299); // never above the list price
  });

  it('counts whole days in stock', () => {
    expect(daysInStock(0, 86_400_000 * 30 - 1)).toBe(29);
    expect(daysInStock(86_400_000, 0)).toBe(0);
    expect(markdownDiscountBp(59, policy)).toBe(1_000);
  });
});

describe('policy validation', () => {
  it('accepts the default and reports nonsense', () => {
    expect(pricingPolicyProblems(policy)).toEqual([]);
    const bad: PricingPolicy = {
      ...policy,
      buyRateBp: 12_000,
      offerStepMinor: 0,
      sellFloorMinor: -1,
      markdown: [{ afterDays: 60, discountBp: 2_000 }, { afterDays: 30, discountBp: 1_000 }],
    };
    expect(pricingPolicyProblems(bad)).toHaveLength(4);
  });
});
