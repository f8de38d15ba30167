// Sales tax (VAT) rates by destination country, in basis points (19 % = 1 900 bp), so tax is
// integer arithmetic like every other share of money.
//
// The table lists the countries where the marketplace collects tax; any other destination gets
// `fallbackBasisPoints`. The default fallback is 0 (a destination we are not registered in, e.g. an
// export), and is kept as data rather than code so the API can pass a stricter table.
import { assert } from '../invariants/assert.js';
import { BASIS_POINTS_PER_WHOLE } from '../money/fee.js';

export interface TaxTable {
  /** Rate per ISO 3166-1 alpha-2 code, uppercase (`DE`, `FR`). */
  readonly rates: Readonly<Record<string, number>>;
  /** The rate for a country not in `rates`. */
  readonly fallbackBasisPoints: number;
}

export const defaultTaxTable: TaxTable = {
  rates: { DE: 1900, FR: 2000, NL: 2100, GB: 2000, US: 0 },
  fallbackBasisPoints: 0,
};

/** The rate for `country` (case-insensitive alpha-2); unknown countries get the table's fallback. */
export function taxRateFor(table: TaxTable, country: string): number {
  const code = country.trim().toUpperCase();
  const rate = Object.prototype.hasOwnProperty.call(table.rates, code) ? table.rates[code] : table.fallbackBasisPoints;
  assert(rate !== undefined && isTaxRate(rate), `Tax rate for ${code} must be 0…${BASIS_POINTS_PER_WHOLE} basis points, got ${String(rate)}`);
  return rate;
}

export function isTaxRate(basisPoints: number): boolean {
  return Number.isSafeInteger(basisPoints) && basisPoints >= 0 && basisPoints <= BASIS_POINTS_PER_WHOLE;
}
