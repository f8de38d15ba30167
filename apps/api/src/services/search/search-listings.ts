// Storefront search: full-text search with prefix matching (search-repository.ts), typo correction
// through the vocabulary (spelling.ts), disjunctive facet counts, and keyset (cursor) pagination.
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { categoryRepository } from '../../repositories/category-repository.js';
import { searchRepository, type FacetValue, type ListingSearchFilter, type SearchKey } from '../../repositories/search-repository.js';
import { grades } from '@marketdesk/domain';
import { priceBuckets, type SearchInput } from './search-input.js';
import { correctSpelling, queryWords } from './spelling.js';
import type { ListingCard } from './listing-card.js';

export interface SearchResult {
  items: ListingCard[];
  total: number;
  nextCursor: string | null;
  /** Set when the query was corrected: results are for this text. */
  correctedQuery: string | null;
  /** "Did you mean": a correction worth offering when nothing matched at all. */
  suggestion: string | null;
  facets: { category: FacetValue[]; condition: FacetValue[]; price: FacetValue[]; seller: FacetValue[]; inStock: number };
}

export async function searchListings(em: EntityManager, input: SearchInput): Promise<SearchResult> {
  const words = queryWords(input.q);
  const correction = words.length ? await correctSpelling(em, words) : { words, suggestion: null };
  const filter = await filterOf(em, input, correction.words);
  const sort = input.sort === 'relevance' && filter.words.length === 0 ? 'newest' : input.sort;
  const page = await searchRepository.page(em, filter, { sort, after: decodeCursor(input.cursor, sort), limit: input.limit });
  // Each facet's counts ignore its own filter, so choosing "VG+" still shows how many "NM" there are.
  const facets = await searchRepository.facets(em, filter, { grades, prices: priceBuckets });
  const total = facets.total;
  return {
    items: page.items,
    total,
    nextCursor: page.next ? encodeCursor(page.next.sortKey, page.next.id) : null,
    correctedQuery: correction.suggestion && total > 0 ? correction.suggestion : null,
    suggestion: total === 0 ? correction.suggestion : null,
    facets: {
      category: facets.categories,
      condition: grades.map((g, i) => ({ value: g, label: g, count: facets.conditions[i]! })).filter((f) => f.count > 0),
      price: priceBuckets.map((b, i) => ({ value: b.id as string, label: b.label as string, count: facets.prices[i]! })).filter((f) => f.count > 0),
      seller: facets.sellers,
      inStock: facets.inStock,
    },
  };
}

async function filterOf(em: EntityManager, input: SearchInput, words: string[]): Promise<ListingSearchFilter> {
  let categoryIds: string[] | null = null;
  if (input.category) {
    categoryIds = await categoryRepository.subtreeIds(em, input.category);
    if (categoryIds.length === 0) throw new AppError('NOT_FOUND', `There is no category "${input.category}".`);
  }
  const bucket = input.price ? priceBuckets.find((p) => p.id === input.price)! : null;
  return {
    words,
    categoryIds,
    conditions: input.conditions,
    price: bucket ? { min: bucket.min, max: bucket.max } : null,
    sellerId: input.sellerId ?? null,
    inStock: input.inStock,
  };
}

function encodeCursor(key: unknown, id: string): string {
  const k = key instanceof Date ? key.toISOString() : String(key);
  return Buffer.from(JSON.stringify([k, id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined, sort: string): SearchKey | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && /^[0-9a-f-]{36}$/.test(parsed[1])) {
      if ((sort === 'price_asc' || sort === 'price_desc') && !/^\d+$/.test(parsed[0])) throw new Error('bad key');
      return [parsed[0], parsed[1]];
    }
  } catch {
    // fall through
  }
  throw new AppError('BAD_REQUEST', 'This page link is no longer valid; start the search again.', { field: 'cursor' });
}
