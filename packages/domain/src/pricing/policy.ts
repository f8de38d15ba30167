// The record store's pricing policy: every number that decides an offer or a shelf price, in one
// object the console can show and an admin can tune. All amounts are minor units, all rates basis points.
import type { CurrencyCode } from '../money/currency.js';
import type { Grade } from './grades.js';
import type { PriceEnding } from './price-ending.js';

export interface MarkdownStep {
  afterDays: number;
  discountBp: number;
}

export interface PricingPolicy {
  currency: CurrencyCode;
  /** What each grade is worth relative to the reference (Near Mint market) price. */
  gradeMultipliersBp: Record<Grade, number>;
  /** The share of the graded value the marketplace offers a seller. */
  buyRateBp: number;
  /** Offers round down to a multiple of this (no offers of €9.63). */
  offerStepMinor: number;
  /** Items whose offer would be below this are declined: not worth the handling. */
  minOfferMinor: number;
  /** The shelf price covers the cost plus at least this margin (binds when staff paid more). */
  minMarginBp: number;
  /** Nothing goes on the shelf below this. */
  sellFloorMinor: number;
  sellEnding: PriceEnding;
  /** Lots with at least `minItems` accepted items get `bonusBp` on top of the total offer. */
  bulkBonus: { minItems: number; bonusBp: number };
  /** Price drops by age in stock, ascending by `afterDays`; never below cost or the sell floor. */
  markdown: readonly MarkdownStep[];
}

export const defaultPricingPolicy: PricingPolicy = {
  currency: 'EUR',
  gradeMultipliersBp: { M: 12_000, NM: 10_000, 'VG+': 7_500, VG: 5_000, 'G+': 3_500, G: 2_500, F: 1_500, P: 500 },
  buyRateBp: 4_000,
  offerStepMinor: 10,
  minOfferMinor: 50,
  minMarginBp: 5_000,
  sellFloorMinor: 299,
  sellEnding: 'charm',
  bulkBonus: { minItems: 10, bonusBp: 500 },
  markdown: [
    { afterDays: 30, discountBp: 1_000 },
    { afterDays: 60, discountBp: 2_000 },
    { afterDays: 90, discountBp: 3_500 },
    { afterDays: 180, discountBp: 5_000 },
  ],
};

export function pricingPolicyProblems(p: PricingPolicy): string[] {
  const problems: string[] = [];
  const bp = (name: string, v: number, max: number) => {
    if (!Number.isSafeInteger(v) || v < 0 || v > max) problems.push(`${name} must be an integer 0…${max}, got ${v}`);
  };
  for (const [grade, v] of Object.entries(p.gradeMultipliersBp)) bp(`multiplier for ${grade}`, v, 100_000);
  bp('buyRateBp', p.buyRateBp, 10_000);
  bp('minMarginBp', p.minMarginBp, 100_000);
  bp('bulkBonus.bonusBp', p.bulkBonus.bonusBp, 10_000);
  if (!Number.isSafeInteger(p.offerStepMinor) || p.offerStepMinor < 1) problems.push('offerStepMinor must be a positive integer');
  for (const [name, v] of [['minOfferMinor', p.minOfferMinor], ['sellFloorMinor', p.sellFloorMinor]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) problems.push(`${name} must be a non-negative integer`);
  }
  p.markdown.forEach((step, i) => {
    bp(`markdown[${i}].discountBp`, step.discountBp, 10_000);
    const prev = p.markdown[i - 1];
    if (prev && (step.afterDays <= prev.afterDays || step.discountBp < prev.discountBp)) problems.push('markdown steps must grow in days and discount');
  });
  return problems;
}
