// Pricing one item: its graded value, what we offer the seller (buy formula) and what we put it on
// the shelf for (sell formula). Each step is one named rounding rule, so a reader can redo it by hand:
//   graded = reference × grade multiplier                      (half-up)
//   offer  = graded × buy rate, down to the offer step; 0 if below the minimum offer
//   sell   = nearest charm/whole price to max(graded, cost × (1 + margin), floor),
//            never below cost × (1 + margin) or the floor
import { assert } from '../invariants/assert.js';
import { applyBasisPoints } from '../money/rounding.js';
import type { Grade } from './grades.js';
import type { PricingPolicy } from './policy.js';
import { priceNearest } from './price-ending.js';

export interface ItemPrice {
  grade: Grade;
  referencePriceMinor: number;
  gradedValueMinor: number;
  offerMinor: number;
  /** True when the item is not worth buying (offer below the policy minimum). */
  declined: boolean;
  sellPriceMinor: number;
}

export function gradedValueMinor(referencePriceMinor: number, grade: Grade, policy: PricingPolicy): number {
  assert(Number.isSafeInteger(referencePriceMinor) && referencePriceMinor >= 0, 'referencePriceMinor must be a non-negative integer');
  return applyBasisPoints(referencePriceMinor, policy.gradeMultipliersBp[grade], 'half-up');
}

export function offerMinor(gradedMinor: number, policy: PricingPolicy): number {
  const raw = applyBasisPoints(gradedMinor, policy.buyRateBp, 'down');
  const stepped = raw - (raw % policy.offerStepMinor);
  return stepped >= policy.minOfferMinor ? stepped : 0;
}

/** The lowest shelf price that still earns the minimum margin on `costMinor` and respects the floor. */
export function minimumSellMinor(costMinor: number, policy: PricingPolicy): number {
  return Math.max(applyBasisPoints(costMinor, 10_000 + policy.minMarginBp, 'up'), policy.sellFloorMinor);
}

/** `costMinor` defaults to our offer; pass what was actually paid when a counter-offer was accepted. */
export function sellPriceMinor(gradedMinor: number, costMinor: number, policy: PricingPolicy): number {
  const minimumMinor = minimumSellMinor(costMinor, policy);
  return priceNearest(Math.max(gradedMinor, minimumMinor), policy.sellEnding, policy.currency, minimumMinor);
}

export function priceItem(referencePriceMinor: number, grade: Grade, policy: PricingPolicy, costMinor?: number): ItemPrice {
  const graded = gradedValueMinor(referencePriceMinor, grade, policy);
  const offer = offerMinor(graded, policy);
  return {
    grade,
    referencePriceMinor,
    gradedValueMinor: graded,
    offerMinor: offer,
    declined: offer === 0,
    sellPriceMinor: sellPriceMinor(graded, costMinor ?? offer, policy),
  };
}
