// Integer division with an explicit rounding rule. Money code never divides with `/` on numbers:
// every fee, share and markdown goes through here, in bigint, so the rule is visible at the call site.
import { assert } from '../invariants/assert.js';

/**
 * Names follow java.math.RoundingMode, which accountants and payment providers use:
 * - `half-up`: nearest, ties away from zero (2.5 → 3, -2.5 → -3), the commercial default;
 * - `half-even`: nearest, ties to the even neighbour (2.5 → 2, 3.5 → 4), banker's rounding;
 * - `down`: towards zero (truncate);
 * - `up`: away from zero.
 */
export type Rounding = 'half-up' | 'half-even' | 'down' | 'up';
export const roundings: readonly Rounding[] = ['half-up', 'half-even', 'down', 'up'];

export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  assert(denominator !== 0n, 'Division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const remainder = n % d;
  const magnitude = quotient + (roundAwayFromZero(quotient, remainder, d, rounding) ? 1n : 0n);
  return negative ? -magnitude : magnitude;
}

function roundAwayFromZero(quotient: bigint, remainder: bigint, d: bigint, rounding: Rounding): boolean {
  if (remainder === 0n) return false;
  switch (rounding) {
    case 'down':
      return false;
    case 'up':
      return true;
    case 'half-up':
      return remainder * 2n >= d;
    case 'half-even':
      return remainder * 2n > d || (remainder * 2n === d && quotient % 2n === 1n);
  }
}

/** `amountMinor × basisPoints / 10 000`, rounded; basis points may exceed 10 000 (markups). */
export function applyBasisPoints(amountMinor: number, basisPoints: number, rounding: Rounding): number {
  assert(Number.isSafeInteger(amountMinor), 'amountMinor must be a safe integer');
  assert(Number.isSafeInteger(basisPoints) && basisPoints >= 0, 'basisPoints must be a non-negative integer');
  const result = divideRounded(BigInt(amountMinor) * BigInt(basisPoints), 10_000n, rounding);
  const asNumber = Number(result);
  assert(Number.isSafeInteger(asNumber), 'Result exceeds the safe integer range');
  return asNumber;
}
