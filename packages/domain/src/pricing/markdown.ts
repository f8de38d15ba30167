// Markdowns: stock that does not sell gets cheaper with age, step by step, but never below what
// it cost us (we do not sell at a loss to clear shelves) nor below the policy floor.
import { assert } from '../invariants/assert.js';
import { applyBasisPoints } from '../money/rounding.js';
import { DAY_MS } from '../units.js';
import type { PricingPolicy } from './policy.js';
import { priceAtOrAbove, priceAtOrBelow } from './price-ending.js';

export function daysInStock(stockedAtMs: number, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - stockedAtMs) / DAY_MS));
}

/** The discount that applies after `days` in stock: the last step reached, or none. */
export function markdownDiscountBp(days: number, policy: PricingPolicy): number {
  return policy.markdown.reduce((bp, step) => (days >= step.afterDays ? step.discountBp : bp), 0);
}

export function markdownPriceMinor(listPriceMinor: number, costMinor: number, days: number, policy: PricingPolicy): number {
  assert(Number.isSafeInteger(listPriceMinor) && listPriceMinor >= 0, 'listPriceMinor must be a non-negative integer');
  const discountBp = markdownDiscountBp(days, policy);
  if (discountBp === 0) return listPriceMinor;
  const discounted = applyBasisPoints(listPriceMinor, 10_000 - discountBp, 'down');
  // Round the discounted price down (the customer sees the full drop), the floor up (never below it).
  const floorMinor = priceAtOrAbove(Math.max(costMinor, policy.sellFloorMinor), policy.sellEnding, policy.currency);
  const rounded = priceAtOrBelow(discounted, policy.sellEnding, policy.currency) ?? 0;
  return Math.min(listPriceMinor, Math.max(rounded, floorMinor));
}
