import { describe, expect, it } from 'vitest';
import { InvariantError } from '../invariants/assert.js';
import { allocate, allocateEvenly } from './allocate.js';
import { isCurrencyCode, minorUnitExponent, minorUnitsPerMajor } from './currency.js';
import { percentageFee } from './fee.js';
import { CurrencyMismatchError, add, compare, equals, isNegative, isZero, money, negate, subtract, sum, zero } from './money.js';
import { applyBasisPoints, divideRounded, type Rounding } from './rounding.js';

const eur = (amountMinor: number) => money(amountMinor, 'EUR');

describe('money', () => {
  it('adds, subtracts, negates and compares in one currency', () => {
    expect(add(eur(150), eur(250))).toEqual(eur(400));
    expect(subtract(eur(150), eur(250))).toEqual(eur(-100));
    expect(negate(eur(5))).toEqual(eur(-5));
    expect(Object.is(negate(zero('EUR')).amountMinor, 0)).toBe(true);
    expect([compare(eur(1), eur(2)), compare(eur(2), eur(2)), compare(eur(3), eur(2))]).toEqual([-1, 0, 1]);
    expect(equals(eur(1), money(1, 'USD'))).toBe(false);
    expect(isZero(zero('JPY'))).toBe(true);
    expect(isNegative(eur(-1))).toBe(true);
    expect(sum('EUR', [eur(1), eur(2), eur(3)])).toEqual(eur(6));
    expect(sum('EUR', [])).toEqual(eur(0));
  });

  it('refuses to mix currencies with a typed error', () => {
    const usd = money(100, 'USD');
    for (const op of [() => add(eur(1), usd), () => subtract(eur(1), usd), () => compare(eur(1), usd)]) {
      expect(op).toThrow(CurrencyMismatchError);
    }
    try {
      add(eur(1), usd);
    } catch (error) {
      expect((error as CurrencyMismatchError).code).toBe('CURRENCY_MISMATCH');
      expect((error as CurrencyMismatchError).right).toBe('USD');
    }
  });

  it('accepts only safe integers and known currencies', () => {
    expect(() => money(1.5, 'EUR')).toThrow(InvariantError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'EUR')).toThrow(InvariantError);
    expect(() => money(1, 'XXX' as 'EUR')).toThrow(InvariantError);
    expect(() => add(eur(Number.MAX_SAFE_INTEGER), eur(1))).toThrow(InvariantError);
  });

  it('knows minor-unit exponents', () => {
    expect([minorUnitExponent('EUR'), minorUnitExponent('JPY'), minorUnitExponent('KWD')]).toEqual([2, 0, 3]);
    expect(minorUnitsPerMajor('BHD')).toBe(1000);
    expect(isCurrencyCode('GBP')).toBe(true);
    expect(isCurrencyCode('toString')).toBe(false);
  });
});

describe('rounding', () => {
  // numerator / denominator → expected per rule; a reader can check each row by hand.
  const rows: [number, number, Record<Rounding, number>][] = [
    [25, 10, { 'half-up': 3, 'half-even': 2, down: 2, up: 3 }],
    [35, 10, { 'half-up': 4, 'half-even': 4, down: 3, up: 4 }],
    [24, 10, { 'half-up': 2, 'half-even': 2, down: 2, up: 3 }],
    [26, 10, { 'half-up': 3, 'half-even': 3, down: 2, up: 3 }],
    [-25, 10, { 'half-up': -3, 'half-even': -2, down: -2, up: -3 }],
    [30, 10, { 'half-up': 3, 'half-even': 3, down: 3, up: 3 }],
    [25, -10, { 'half-up': -3, 'half-even': -2, down: -2, up: -3 }],
  ];
  it.each(rows)('%i / %i', (n, d, expected) => {
    for (const [rule, value] of Object.entries(expected)) {
      expect(Number(divideRounded(BigInt(n), BigInt(d), rule as Rounding))).toBe(value);
    }
  });

  it('refuses division by zero and negative basis points', () => {
    expect(() => divideRounded(1n, 0n, 'down')).toThrow(InvariantError);
    expect(() => applyBasisPoints(100, -1, 'down')).toThrow(InvariantError);
    expect(() => applyBasisPoints(Number.MAX_SAFE_INTEGER, 20_000, 'down')).toThrow(InvariantError);
  });
});

describe('percentageFee', () => {
  it('computes a 12.5 % commission with each rounding rule', () => {
    // 1 004 × 12.5 % = 125.5
    expect(percentageFee(eur(1004), 1250, 'half-up')).toEqual(eur(126));
    expect(percentageFee(eur(1004), 1250, 'half-even')).toEqual(eur(126));
    expect(percentageFee(eur(1012), 1250, 'half-even')).toEqual(eur(126)); // 126.5 → 126
    expect(percentageFee(eur(1004), 1250, 'down')).toEqual(eur(125));
    expect(percentageFee(eur(1001), 1250, 'up')).toEqual(eur(126)); // 125.125 → 126
    expect(percentageFee(eur(Number.MAX_SAFE_INTEGER), 10_000, 'down')).toEqual(eur(Number.MAX_SAFE_INTEGER));
  });

  it('refuses shares outside 0…100 %', () => {
    expect(() => percentageFee(eur(100), 10_001, 'down')).toThrow(InvariantError);
    expect(() => percentageFee(eur(100), 12.5, 'down')).toThrow(InvariantError);
  });
});

describe('allocate', () => {
  it('splits by largest remainder, odd cents to the largest remainders, ties to the first', () => {
    expect(allocate(eur(100), [1, 1, 1]).map((m) => m.amountMinor)).toEqual([34, 33, 33]);
    expect(allocate(eur(5), [3, 7]).map((m) => m.amountMinor)).toEqual([2, 3]); // 1.5 / 3.5 → tie → first
    expect(allocate(eur(1000), [8750, 1250]).map((m) => m.amountMinor)).toEqual([875, 125]);
    expect(allocate(eur(-100), [1, 1, 1]).map((m) => m.amountMinor)).toEqual([-34, -33, -33]);
    expect(allocate(eur(10), [0, 1, 0]).map((m) => m.amountMinor)).toEqual([0, 10, 0]);
    expect(allocateEvenly(eur(7), 3).map((m) => m.amountMinor)).toEqual([3, 2, 2]);
  });

  it('refuses empty, negative or all-zero ratios', () => {
    expect(() => allocate(eur(1), [])).toThrow(InvariantError);
    expect(() => allocate(eur(1), [0, 0])).toThrow(InvariantError);
    expect(() => allocate(eur(1), [-1, 2])).toThrow(InvariantError);
    expect(() => allocate(eur(1), [0.5, 2])).toThrow(InvariantError);
    expect(() => allocateEvenly(eur(1), 0)).toThrow(InvariantError);
  });
});
