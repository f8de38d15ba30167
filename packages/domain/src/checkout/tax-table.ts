// Sales tax (VAT) rates by destination country, in basis points (19 % = 1 900 bp), so tax is
// integer arithmetic like every other share of money.
//
// The table is also the list of countries we ship to: a destination has a rate here (0 is a rate:
// an export we have decided not to tax) or it is refused. There is no fallback rate, because a
// country nobody thought about must never check out untaxed.
import { assert } from '../invariants/assert.js';
import { BASIS_POINTS_PER_WHOLE } from '../money/fee.js';
import { countryName, isIsoCountryCode } from './countries.js';

export interface TaxTable {
  /** Rate per ISO 3166-1 alpha-2 code, uppercase (`DE`, `FR`); the keys are where we ship. */
  readonly rates: Readonly<Record<string, number>>;
}

export const defaultTaxTable: TaxTable = {
  rates: { DE: 1900, FR: 2000, NL: 2100, GB: 2000, US: 0 },
};

/** True when `country` (exact ISO code) has a rate, i.e. we ship there. */
export function shipsTo(table: TaxTable, country: string): boolean {
  return Object.prototype.hasOwnProperty.call(table.rates, country);
}

/** The countries we ship to, sorted by English name, for pickers and messages. */
export function shippingCountries(table: TaxTable = defaultTaxTable): { code: string; name: string }[] {
  return Object.keys(table.rates)
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

/**
 * Why `country` cannot be a destination, written for the buyer, or null when we ship there.
 * The two cases read differently on purpose: a typo ("XX", "de") versus a real country we do not serve.
 */
export function destinationProblem(table: TaxTable, country: string): string | null {
  if (!isIsoCountryCode(country)) return `“${country}” is not an ISO 3166-1 country code: choose a country such as DE`;
  if (shipsTo(table, country)) return null;
  const names = shippingCountries(table).map((c) => c.name);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names.join('');
  return `We do not ship to ${countryName(country)} yet (we ship to ${list})`;
}

/** The rate for `country`, which must be a destination in the table (callers check with `destinationProblem`). */
export function taxRateFor(table: TaxTable, country: string): number {
  assert(shipsTo(table, country), `No tax rate for ${country}: check the destination before computing tax`);
  const rate = table.rates[country];
  assert(rate !== undefined && isTaxRate(rate), `Tax rate for ${country} must be 0…${BASIS_POINTS_PER_WHOLE} basis points, got ${String(rate)}`);
  return rate;
}

export function isTaxRate(basisPoints: number): boolean {
  return Number.isSafeInteger(basisPoints) && basisPoints >= 0 && basisPoints <= BASIS_POINTS_PER_WHOLE;
}
