import { describe, expect, it } from 'vitest';
import { InvariantError } from '../invariants/assert.js';
import { countryName, isIsoCountryCode } from './countries.js';
import { defaultTaxTable, destinationProblem, shippingCountries, shipsTo, taxRateFor, type TaxTable } from './tax-table.js';

describe('taxRateFor', () => {
  it('reads the default table', () => {
    expect(['DE', 'FR', 'NL', 'GB', 'US'].map((c) => taxRateFor(defaultTaxTable, c))).toEqual([1900, 2000, 2100, 2000, 0]);
    const withItaly: TaxTable = { rates: { ...defaultTaxTable.rates, IT: 2200 } };
    expect(taxRateFor(withItaly, 'IT')).toBe(2200);
  });

  it('has no fallback: a country without a rate is a programming error, never 0 %', () => {
    expect(() => taxRateFor(defaultTaxTable, 'IT')).toThrow(InvariantError);
    expect(() => taxRateFor(defaultTaxTable, 'XX')).toThrow(InvariantError);
    expect(() => taxRateFor(defaultTaxTable, 'constructor')).toThrow(InvariantError); // not an inherited property
  });

  it('refuses a malformed table as a programming error', () => {
    expect(() => taxRateFor({ rates: { DE: 19.5 } }, 'DE')).toThrow(InvariantError);
    expect(() => taxRateFor({ rates: { DE: -1 } }, 'DE')).toThrow(InvariantError);
    expect(() => taxRateFor({ rates: { DE: 10_001 } }, 'DE')).toThrow(InvariantError);
  });
});

describe('destinations', () => {
  it('ships exactly to the countries with a rate, listed by name', () => {
    expect(shippingCountries()).toEqual([
      { code: 'FR', name: 'France' },
      { code: 'DE', name: 'Germany' },
      { code: 'NL', name: 'Netherlands' },
      { code: 'GB', name: 'United Kingdom' },
      { code: 'US', name: 'United States' },
    ]);
    expect(shipsTo(defaultTaxTable, 'DE')).toBe(true);
    expect(shipsTo(defaultTaxTable, 'JP')).toBe(false);
    expect(shipsTo(defaultTaxTable, 'toString')).toBe(false);
  });

  it('tells a code that is not ISO 3166-1 from a real country we do not ship to', () => {
    expect(destinationProblem(defaultTaxTable, 'DE')).toBeNull();
    for (const code of ['XX', 'de', 'D1', 'UK', 'EU', 'DEU', '']) expect(destinationProblem(defaultTaxTable, code)).toBe(`“${code}” is not an ISO 3166-1 country code: choose a country such as DE`);
    expect(destinationProblem(defaultTaxTable, 'JP')).toBe('We do not ship to Japan yet (we ship to France, Germany, Netherlands, United Kingdom and United States)');
    expect(destinationProblem({ rates: { DE: 1900 } }, 'US')).toBe('We do not ship to United States yet (we ship to Germany)');
  });

  it('knows the 249 assigned ISO codes and their names', () => {
    expect(['AD', 'DE', 'GB', 'JP', 'SS', 'XK'].map(isIsoCountryCode)).toEqual([true, true, true, true, true, false]);
    expect(countryName('JP')).toBe('Japan');
    expect(countryName('XX')).toBe('XX');
  });
});
