import { describe, expect, it } from 'vitest';
import { emptyBulkForm, toBulkFilter } from './bulk-policy';

describe('bulk pricing filter', () => {
  it('sends only what is filled in, money in minor units', () => {
    expect(toBulkFilter(emptyBulkForm)).toEqual({ states: ['active'] });
    expect(toBulkFilter({ ...emptyBulkForm, q: ' beatles ', minDaysInStock: 60, minPrice: 10, maxPrice: '49.99', includePaused: true })).toEqual({ states: ['active', 'paused'], q: 'beatles', minDaysInStock: 60, minPriceMinor: 1000, maxPriceMinor: 4999 });
  });
});
