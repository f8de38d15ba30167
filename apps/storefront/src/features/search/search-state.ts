// Search state lives in the URL (/search?q=&category=&conditions=&price=&seller=&inStock=&sort=),
// so results can be shared, bookmarked and server rendered. These pure functions map the URL to
// the state, the state to the URL, and the state to the catalog.search input.
import { grades } from '@marketdesk/domain';
import type { RouterInputs } from '../../lib/api-types';

export const sorts = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'newest', label: 'Newest' },
  { value: 'price_asc', label: 'Price: low to high' },
  { value: 'price_desc', label: 'Price: high to low' },
] as const;
export type SortValue = (typeof sorts)[number]['value'];

export const priceBucketIds = ['under-10', '10-25', '25-50', '50-100', 'over-100'] as const;
export type PriceBucket = (typeof priceBucketIds)[number];
export type Grade = (typeof grades)[number];

export interface SearchState {
  q: string;
  category: string | null;
  conditions: Grade[];
  price: PriceBucket | null;
  seller: string | null;
  inStock: boolean;
  sort: SortValue;
}

export const emptySearch: SearchState = { q: '', category: null, conditions: [], price: null, seller: null, inStock: false, sort: 'relevance' };

const slugPattern = /^[a-z0-9-]{1,120}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Read the URL leniently: a bad value is dropped rather than failing the page. */
export function parseSearchParams(params: URLSearchParams, fixedCategory?: string): SearchState {
  const conditions = (params.get('conditions') ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c): c is Grade => (grades as readonly string[]).includes(c));
  const category = fixedCategory ?? params.get('category');
  const price = params.get('price');
  const seller = params.get('seller');
  const sort = params.get('sort');
  return {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    category: category && slugPattern.test(category) ? category : null,
    conditions: grades.filter((g) => conditions.includes(g)),
    price: price && (priceBucketIds as readonly string[]).includes(price) ? (price as PriceBucket) : null,
    seller: seller && uuidPattern.test(seller) ? seller : null,
    inStock: ['1', 'true', 'yes'].includes(params.get('inStock') ?? ''),
    sort: sorts.some((s) => s.value === sort) ? (sort as SortValue) : 'relevance',
  };
}

/** The URL query for a state; defaults are left out so URLs stay short and canonical. */
export function toSearchParams(state: SearchState, omitCategory = false): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  if (state.category && !omitCategory) p.set('category', state.category);
  if (state.conditions.length) p.set('conditions', state.conditions.join(','));
  if (state.price) p.set('price', state.price);
  if (state.seller) p.set('seller', state.seller);
  if (state.inStock) p.set('inStock', '1');
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  return p;
}

export type SearchInput = RouterInputs['catalog']['search'];

export const PAGE_SIZE = 24;

/** The catalog.search input (without the cursor, which the infinite query adds). */
export function toSearchInput(state: SearchState): Omit<SearchInput, 'cursor'> {
  return {
    q: state.q,
    ...(state.category ? { category: state.category } : {}),
    conditions: state.conditions,
    ...(state.price ? { price: state.price } : {}),
    ...(state.seller ? { sellerId: state.seller } : {}),
    inStock: state.inStock,
    sort: state.sort,
    limit: PAGE_SIZE,
  };
}

/** Toggle one value in a list, keeping the grade order stable. */
export function toggleCondition(state: SearchState, grade: Grade): SearchState {
  const next = state.conditions.includes(grade) ? state.conditions.filter((g) => g !== grade) : [...state.conditions, grade];
  return { ...state, conditions: grades.filter((g) => next.includes(g)) };
}

export function activeFilterCount(state: SearchState, fixedCategory?: string): number {
  return (state.category && state.category !== fixedCategory ? 1 : 0) + state.conditions.length + (state.price ? 1 : 0) + (state.seller ? 1 : 0) + (state.inStock ? 1 : 0);
}
