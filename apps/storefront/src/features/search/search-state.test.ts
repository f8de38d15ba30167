import { describe, expect, it } from 'vitest';
import { activeFilterCount, emptySearch, parseSearchParams, toSearchInput, toSearchParams, toggleCondition } from './search-state';

const seller = '33333333-3333-4333-8333-333333333333';

describe('search state in the URL', () => {
  it('reads every parameter', () => {
    const state = parseSearchParams(new URLSearchParams(`q=beatles&category=vinyl-rock&conditions=VG%2B,NM&price=25-50&seller=${seller}&inStock=1&sort=price_asc`));
    expect(state).toEqual({ q: 'beatles', category: 'vinyl-rock', conditions: ['NM', 'VG+'], price: '25-50', seller, inStock: true, sort: 'price_asc' });
  });

  it('drops values the API would refuse instead of failing the page', () => {
    const state = parseSearchParams(new URLSearchParams('category=Not%20A%20Slug&conditions=XX,VG&price=free&seller=bob&inStock=maybe&sort=cheapest'));
    expect(state).toEqual({ ...emptySearch, conditions: ['VG'] });
  });

  it('writes short canonical URLs and round-trips', () => {
    expect(toSearchParams(emptySearch).toString()).toBe('');
    const state = { ...emptySearch, q: 'kind of blue', conditions: ['VG+' as const], inStock: true, sort: 'newest' as const };
    const params = toSearchParams(state);
    expect(params.toString()).toBe('q=kind+of+blue&conditions=VG%2B&inStock=1&sort=newest');
    expect(parseSearchParams(params)).toEqual(state);
  });

  it('keeps the category in the path on category pages', () => {
    const state = parseSearchParams(new URLSearchParams('category=cds&q=x'), 'vinyl-jazz');
    expect(state.category).toBe('vinyl-jazz');
    expect(toSearchParams(state, true).has('category')).toBe(false);
    expect(activeFilterCount(state, 'vinyl-jazz')).toBe(0);
  });

  it('maps to the catalog.search input', () => {
    const input = toSearchInput({ ...emptySearch, q: 'floyd', price: 'over-100', seller });
    expect(input).toEqual({ q: 'floyd', conditions: [], price: 'over-100', sellerId: seller, inStock: false, sort: 'relevance', limit: 24 });
  });

  it('toggles conditions in grade order', () => {
    const once = toggleCondition(toggleCondition(emptySearch, 'VG'), 'M');
    expect(once.conditions).toEqual(['M', 'VG']);
    expect(toggleCondition(once, 'M').conditions).toEqual(['VG']);
  });
});
