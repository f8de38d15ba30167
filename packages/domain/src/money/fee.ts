// Percentage fees in basis points (1 bp = 0.01 %), so a 12.5 % commission is 1250 bp: an integer.
import { assert } from '../invariants/assert.js';
import { type Money, money } from './money.js';
import { type Rounding, applyBasisPoints } from './rounding.js';

export const BASIS_POINTS_PER_WHOLE = 10_000;

/** The fee on `amount` at `basisPoints`, rounded as told. A fee is a share: 0 … 10 000 bp. */
export function percentageFee(amount: Money, basisPoints: number, rounding: Rounding): Money {
  assert(
    Number.isSafeInteger(basisPoints) && basisPoints >= 0 && basisPoints <= BASIS_POINTS_PER_WHOLE,
    `A fee is 0…10000 basis points, got ${basisPoints}`,
  );
  return money(applyBasisPoints(amount.amountMinor, basisPoints, rounding), amount.currency);
}
