// Split a total into parts by integer weights without losing or inventing a cent.
//
// Largest remainder (Hamilton) method: each part first gets the floor of its exact share, then the
// cents left over go one each to the parts with the largest fractional remainders; ties go to the
// earlier part so the result is deterministic. Arithmetic is bigint, so totals near the safe-integer
// limit times large weights stay exact.
import { assert } from '../invariants/assert.js';
import { type Money, money } from './money.js';

/**
 * Weights are non-negative safe integers (e.g. basis points, or the amounts being pro-rated);
 * at least one must be positive. A part with weight 0 always receives 0. Negative totals are split
 * as their absolute value and negated, so allocate(-x) = -allocate(x) part by part.
 */
export function allocate(total: Money, ratios: readonly number[]): Money[] {
  assert(ratios.length > 0, 'allocate needs at least one ratio');
  for (const r of ratios) assert(Number.isSafeInteger(r) && r >= 0, `Ratios must be non-negative integers, got ${r}`);
  const weightSum = ratios.reduce((s, r) => s + BigInt(r), 0n);
  assert(weightSum > 0n, 'At least one ratio must be positive');

  const sign = total.amountMinor < 0 ? -1n : 1n;
  const magnitude = BigInt(total.amountMinor) * sign;
  const exact = ratios.map((r) => magnitude * BigInt(r));
  const shares = exact.map((e) => e / weightSum);
  let leftover = magnitude - shares.reduce((s, x) => s + x, 0n);

  const byRemainder = exact
    .map((e, index) => ({ index, remainder: e % weightSum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return shares.map((s) => money(Number(s * sign), total.currency));
}

/** Convenience: split evenly into `parts` pieces (earlier parts get the odd cents). */
export function allocateEvenly(total: Money, parts: number): Money[] {
  assert(Number.isSafeInteger(parts) && parts > 0, 'parts must be a positive integer');
  return allocate(total, Array.from({ length: parts }, () => 1));
}
