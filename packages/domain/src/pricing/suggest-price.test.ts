// Suggested prices from market data: NM suggestion first, then a scaled grade, then the lowest offer.
import { describe, expect, it } from 'vitest';
import { defaultPricingPolicy as policy } from './policy.js';
import { marketReferenceMinor, suggestPrice } from './suggest-price.js';

describe('suggested base price', () => {
  it('uses the Near Mint suggestion as the reference', () => {
    const s = suggestPrice({ byGradeMinor: { NM: 2_000, 'VG+': 1_400 }, lowestMinor: 900, forSale: 3 }, 'VG+', policy);
    expect(s).toMatchObject({ referenceSource: 'grade_nm', referencePriceMinor: 2_000, gradedValueMinor: 1_500, offerMinor: 600, sellPriceMinor: 1_499 });
  });

  it('scales another grade back to Near Mint with the policy multipliers', () => {
    expect(marketReferenceMinor({ byGradeMinor: { 'VG+': 1_500 }, lowestMinor: null, forSale: 0 }, policy)).toEqual({ referenceMinor: 2_000, source: 'grade_scaled' });
    expect(marketReferenceMinor({ byGradeMinor: { M: 2_400, VG: 100 }, lowestMinor: null, forSale: 0 }, policy)).toEqual({ referenceMinor: 2_000, source: 'grade_scaled' });
  });

  it('falls back to the lowest offer, and to nothing without data', () => {
    expect(marketReferenceMinor({ byGradeMinor: {}, lowestMinor: 1_250, forSale: 2 }, policy)).toEqual({ referenceMinor: 1_250, source: 'lowest_offer' });
    expect(marketReferenceMinor({ byGradeMinor: {}, lowestMinor: 1_250, forSale: 0 }, policy)).toBeNull();
    expect(suggestPrice({ byGradeMinor: {}, lowestMinor: null, forSale: 0 }, 'NM', policy)).toBeNull();
  });
});
