import { describe, expect, it } from 'vitest';
import { InvariantError } from '../invariants/assert.js';
import { defaultTaxTable, taxRateFor, type TaxTable } from './tax-table.js';

describe('taxRateFor', () => {
  it('reads the default table and falls back to 0 for countries it does not list', () => {
    expect(['DE', 'FR', 'NL', 'GB', 'US'].map((c) => taxRateFor(defaultTaxTable, c))).toEqual([1900, 2000, 2100, 2000, 0]);
    expect(taxRateFor(defaultTaxTable, 'IT')).toBe(0);
    expect(taxRateFor(defaultTaxTable, ' de ')).toBe(1900);
    expect(taxRateFor(defaultTaxTable, 'constructor')).toBe(0); // not an inherited property
  });

  it('uses a configured fallback', () => {
    const strict: TaxTable = { ...defaultTaxTable, fallbackBasisPoints: 2200 };
    expect(taxRateFor(strict, 'IT')).toBe(2200);
    expect(taxRateFor(strict, 'DE')).toBe(1900);
  });

  it('refuses a malformed table as a programming error', () => {
    expect(() => taxRateFor({ rates: { DE: 19.5 }, fallbackBasisPoints: 0 }, 'DE')).toThrow(InvariantError);
    expect(() => taxRateFor({ rates: {}, fallbackBasisPoints: -1 }, 'DE')).toThrow(InvariantError);
    expect(() => taxRateFor({ rates: { DE: 10_001 }, fallbackBasisPoints: 0 }, 'DE')).toThrow(InvariantError);
  });
});
