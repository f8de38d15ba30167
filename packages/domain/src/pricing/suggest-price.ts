// A suggested base price from market data (e.g. Discogs' community price suggestions per grade and
// its marketplace statistics). The pricing engine works from a Near Mint reference price, so the
// market data is first turned into one NM reference, then priced like any submission item:
//   reference = the NM suggestion, else another grade's suggestion scaled back to NM by the policy's
//               grade multipliers, else the lowest current offer (a conservative stand-in)
//   then priceItem(reference, grade, policy) → offer and shelf price
// Market data arrives in the listing's currency (the adapter asks for it); amounts are minor units.
import { divideRounded } from '../money/rounding.js';
import { grades, type Grade } from './grades.js';
import { priceItem, type ItemPrice } from './item-price.js';
import type { PricingPolicy } from './policy.js';

export interface MarketPriceData {
  /** Suggested prices per grade, where the source has them. */
  byGradeMinor: Partial<Record<Grade, number>>;
  /** The lowest price currently asked on the market, if any copy is for sale. */
  lowestMinor: number | null;
  /** Copies currently for sale (0 when none: the lowest price then means nothing). */
  forSale: number;
}

export type ReferenceSource = 'grade_nm' | 'grade_scaled' | 'lowest_offer';

export interface SuggestedPrice extends ItemPrice {
  referenceSource: ReferenceSource;
}

/** The Near Mint reference price implied by the market data, or null when there is none. */
export function marketReferenceMinor(data: MarketPriceData, policy: PricingPolicy): { referenceMinor: number; source: ReferenceSource } | null {
  const nm = data.byGradeMinor.NM;
  if (nm !== undefined && nm > 0) return { referenceMinor: nm, source: 'grade_nm' };
  // The best-graded suggestion we have, scaled to NM: value_at_grade / multiplier(grade).
  for (const grade of grades) {
    const value = data.byGradeMinor[grade];
    const multiplierBp = policy.gradeMultipliersBp[grade];
    if (value !== undefined && value > 0 && multiplierBp > 0) {
      return { referenceMinor: Number(divideRounded(BigInt(value) * 10_000n, BigInt(multiplierBp), 'half-up')), source: 'grade_scaled' };
    }
  }
  if (data.forSale > 0 && data.lowestMinor !== null && data.lowestMinor > 0) return { referenceMinor: data.lowestMinor, source: 'lowest_offer' };
  return null;
}

/** The pricing engine's offer and shelf price for an item of `grade`, from market data. */
export function suggestPrice(data: MarketPriceData, grade: Grade, policy: PricingPolicy): SuggestedPrice | null {
  const reference = marketReferenceMinor(data, policy);
  if (!reference) return null;
  return { ...priceItem(reference.referenceMinor, grade, policy), referenceSource: reference.source };
}
