// Money as integer minor units plus an ISO currency.
//
// Why `number` and not `bigint`: a safe integer holds ±9,007,199,254,740,991 minor units (90 trillion
// euros), far beyond any marketplace amount, and a number survives JSON, tRPC, zod and Socket.IO
// untouched, while bigint needs a custom serialiser at every edge. Every constructor asserts
// Number.isSafeInteger, and multiplications (fees, allocation) run in bigint internally so an
// intermediate product can never lose precision.
import { assert, assertSafeInteger } from '../invariants/assert.js';
import { type CurrencyCode, isCurrencyCode } from './currency.js';

export interface Money {
  readonly amountMinor: number;
  readonly currency: CurrencyCode;
}

/** Thrown when two amounts in different currencies meet; converting is never implicit. */
export class CurrencyMismatchError extends Error {
  override readonly name = 'CurrencyMismatchError';
  readonly code = 'CURRENCY_MISMATCH';
  constructor(
    readonly left: CurrencyCode,
    readonly right: CurrencyCode,
  ) {
    super(`Cannot combine ${left} with ${right}`);
  }
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  assertSafeInteger(amountMinor, 'amountMinor');
  assert(isCurrencyCode(currency), `Unknown currency ${String(currency)}`);
  return { amountMinor, currency };
}

export function zero(currency: CurrencyCode): Money {
  return money(0, currency);
}

export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function negate(a: Money): Money {
  // `0 - x` rather than `-x` so negating zero never yields -0 (which JSON and Object.is disagree on).
  return money(0 - a.amountMinor, a.currency);
}

/** -1, 0 or 1, for sorting; refuses to order amounts in different currencies. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export function equals(a: Money, b: Money): boolean {
  return a.currency === b.currency && a.amountMinor === b.amountMinor;
}

export function isZero(a: Money): boolean {
  return a.amountMinor === 0;
}

export function isNegative(a: Money): boolean {
  return a.amountMinor < 0;
}

/** Sum of amounts; the currency is explicit so an empty list still has one. */
export function sum(currency: CurrencyCode, amounts: readonly Money[]): Money {
  return amounts.reduce((total, m) => add(total, m), zero(currency));
}
