// What a seller's page (/s/:sellerId) is made of, shared by the route (server prefetch, status,
// head) and the page: their live listings through catalog.search and their reviews. There is no
// public seller profile in the API, so the name comes from their listings (or the seller facet).
import type { RouterOutputs } from '../../lib/api-types';
import { emptySearch, toSearchInput } from '../search/search-state';

export const SELLER_REVIEWS_LIMIT = 20;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSellerId(id: string): boolean {
  return uuidPattern.test(id);
}

/** The catalog.search input for a seller's shelf: newest first, like a shop window. */
export function sellerSearchInput(sellerId: string) {
  return toSearchInput({ ...emptySearch, seller: sellerId, sort: 'newest' });
}

export function sellerName(sellerId: string, result: RouterOutputs['catalog']['search'] | undefined): string | null {
  return result?.items.find((i) => i.seller.id === sellerId)?.seller.name ?? result?.facets.seller.find((f) => f.value === sellerId)?.label ?? null;
}

/** Nothing for sale and no reviews: as far as a shopper can tell, there is no such seller. */
export function sellerIsUnknown(result: { total: number } | undefined, reviews: { aggregate: { count: number } } | undefined): boolean {
  return Boolean(result && reviews && result.total === 0 && reviews.aggregate.count === 0);
}
