// Storefront search over listings: PostgreSQL full-text search on the generated, weighted
// search_vector (title A, artist/format/label B, description C) with prefix matching, keyset pages,
// disjunctive facet counts (each facet counted under every filter but its own), and the listing
// vocabulary (search_words, kept by a trigger on listings) for typo correction.
import type { EntityManager } from '@marketdesk/db';
import { listingCardColumns, listingCardFrom, toListingCard, type ListingCard } from '../services/search/listing-card.js';
import { placeholders, sql } from './sql.js';

export type ListingSearchSort = 'relevance' | 'newest' | 'price_asc' | 'price_desc';

/** Public listings (active or sold out) matching all of these. */
export interface ListingSearchFilter {
  /** Words every listing must contain, each as a prefix; none matches all. */
  words: readonly string[];
  /** A category with all its descendants; null for any. */
  categoryIds: readonly string[] | null;
  conditions: readonly string[];
  price: PriceRange | null;
  sellerId: string | null;
  inStock: boolean;
}

export interface PriceRange {
  min: number;
  /** Exclusive; null for no upper bound. */
  max: number | null;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface ListingSearchFacets {
  total: number;
  inStock: number;
  /** Counts per asked grade, in the order asked. */
  conditions: number[];
  /** Counts per asked price range, in the order asked. */
  prices: number[];
  /** The 50 categories with most matches. */
  categories: FacetValue[];
  /** The 10 sellers with most matches. */
  sellers: FacetValue[];
}

/** Where the next page starts: the last row's sort key and id. */
export type SearchKey = [key: string, id: string];

type FacetKey = 'category' | 'condition' | 'price' | 'seller' | 'stock';

interface Clause {
  sql: string;
  params: unknown[];
  facet?: FacetKey;
}

export const searchRepository = {
  /** The vocabulary's word equal to `word`, else the most similar one with its first letter; null when none is close. */
  async closestWord(em: EntityManager, word: string): Promise<{ word: string; exact: boolean } | null> {
    const [best] = await sql(
      em,
      `select word, word = ? as exact from search_words
        where word = ? or (similarity(word, ?) > 0.3 and word like ?)
        order by (word = ?) desc, similarity(word, ?) desc, word limit 1`,
      [word, word, word, `${word[0]}%`, word, word],
    );
    return best ? { word: best.word as string, exact: Boolean(best.exact) } : null;
  },

  /** One page of cards in the sort's order, after `after`; `next` is set when more follow. */
  async page(em: EntityManager, filter: ListingSearchFilter, p: { sort: ListingSearchSort; after: SearchKey | null; limit: number }): Promise<{ items: ListingCard[]; next: { sortKey: Date | string | number; id: string } | null }> {
    const tsquery = tsqueryOf(filter.words);
    const all = whereOf(clausesOf(filter, tsquery));
    const order = orderFor(p.sort, tsquery);
    const rows = await sql(
      em,
      `select ${listingCardColumns}, ${order.key} as sort_key ${listingCardFrom} where ${all.sql}${p.after ? ` and ${order.after}` : ''}
        order by ${order.by} limit ?`,
      [...order.keyParams, ...all.params, ...(p.after ? [...order.keyParams, ...p.after] : []), p.limit + 1],
    );
    const items = rows.slice(0, p.limit);
    const last = rows.length > p.limit ? items[items.length - 1] : undefined;
    return { items: items.map(toListingCard), next: last ? { sortKey: last.sort_key as Date | string | number, id: last.id as string } : null };
  },

  /**
   * The total and every facet's counts. One scan for the total and the fixed-value facets
   * (conditions, price ranges, in stock); two grouped scans for categories and sellers, joined to
   * their names after aggregation.
   */
  async facets(em: EntityManager, filter: ListingSearchFilter, asked: { grades: readonly string[]; prices: readonly PriceRange[] }): Promise<ListingSearchFacets> {
    const clauses = clausesOf(filter, tsqueryOf(filter.words));
    const [counts, categories, sellers] = await Promise.all([
      fixedCounts(em, clauses, asked),
      groupedFacet(em, whereOf(clauses, 'category'), 'l.category_id', `select c.slug as value, c.name as label, f.n from f join categories c on c.id = f.key`),
      groupedFacet(em, whereOf(clauses, 'seller'), 'l.seller_id', `select f.key::text as value, u.display_name as label, f.n from f join users u on u.id = f.key`, 10),
    ]);
    return { ...counts, categories, sellers };
  },
};

const tsqueryOf = (words: readonly string[]): string | null => (words.length ? words.map((w) => `${w}:*`).join(' & ') : null);

function clausesOf(f: ListingSearchFilter, tsquery: string | null): Clause[] {
  const clauses: Clause[] = [{ sql: `l.state in ('active', 'sold_out')`, params: [] }];
  if (tsquery) clauses.push({ sql: `l.search_vector @@ to_tsquery('simple', ?)`, params: [tsquery] });
  if (f.categoryIds) clauses.push({ sql: `l.category_id in (${placeholders(f.categoryIds)})`, params: [...f.categoryIds], facet: 'category' });
  if (f.conditions.length) clauses.push({ sql: `l.condition in (${placeholders(f.conditions)})`, params: [...f.conditions], facet: 'condition' });
  if (f.price) clauses.push(f.price.max === null ? { sql: `l.price_minor >= ?`, params: [f.price.min], facet: 'price' } : { sql: `l.price_minor >= ? and l.price_minor < ?`, params: [f.price.min, f.price.max], facet: 'price' });
  if (f.sellerId) clauses.push({ sql: `l.seller_id = ?`, params: [f.sellerId], facet: 'seller' });
  if (f.inStock) clauses.push({ sql: `l.state = 'active' and l.quantity > 0`, params: [], facet: 'stock' });
  return clauses;
}

/** Every clause but the one of the facet being counted. */
function whereOf(clauses: Clause[], omit?: FacetKey): { sql: string; params: unknown[] } {
  const used = clauses.filter((c) => c.facet === undefined || c.facet !== omit);
  return { sql: used.map((c) => c.sql).join(' and '), params: used.flatMap((c) => c.params) };
}

function orderFor(sort: ListingSearchSort, tsquery: string | null): { key: string; keyParams: unknown[]; by: string; after: string } {
  switch (sort) {
    case 'relevance':
      return {
        key: `round(ts_rank_cd(l.search_vector, to_tsquery('simple', ?))::numeric, 6)`,
        keyParams: [tsquery],
        by: `sort_key desc, l.id desc`,
        after: `(round(ts_rank_cd(l.search_vector, to_tsquery('simple', ?))::numeric, 6), l.id) < (?::numeric, ?::uuid)`,
      };
    case 'price_asc':
      return { key: `l.price_minor`, keyParams: [], by: `l.price_minor asc, l.id asc`, after: `(l.price_minor, l.id) > (?::int, ?::uuid)` };
    case 'price_desc':
      return { key: `l.price_minor`, keyParams: [], by: `l.price_minor desc, l.id desc`, after: `(l.price_minor, l.id) < (?::int, ?::uuid)` };
    default:
      // Public listings always have published_at (set when first approved); indexed with id.
      return { key: `l.published_at`, keyParams: [], by: `l.published_at desc, l.id desc`, after: `(l.published_at, l.id) < (?::timestamptz, ?::uuid)` };
  }
}

/** `count(*) filter (where …)` over the listings matching the clauses that are always on. */
async function fixedCounts(em: EntityManager, clauses: Clause[], asked: { grades: readonly string[]; prices: readonly PriceRange[] }) {
  const base = clauses.filter((c) => c.facet === undefined);
  const except = (omit: FacetKey | null) => {
    const used = clauses.filter((c) => c.facet !== undefined && c.facet !== omit);
    return { sql: used.length ? used.map((c) => c.sql).join(' and ') : 'true', params: used.flatMap((c) => c.params) };
  };
  const aggregates: { alias: string; sql: string; params: unknown[] }[] = [];
  const add = (alias: string, extra: string, omit: FacetKey | null) => {
    const w = except(omit);
    aggregates.push({ alias, sql: `count(*) filter (where ${w.sql} and ${extra})`, params: w.params });
  };
  add('total', 'true', null);
  add('stock', `l.state = 'active' and l.quantity > 0`, 'stock');
  asked.grades.forEach((g, i) => aggregates.push({ alias: `g${i}`, ...gradeCount(except('condition'), g) }));
  asked.prices.forEach((b, i) => add(`p${i}`, b.max === null ? `l.price_minor >= ${b.min}` : `l.price_minor >= ${b.min} and l.price_minor < ${b.max}`, 'price'));
  const [row] = await sql(
    em,
    `select ${aggregates.map((a) => `${a.sql} as ${a.alias}`).join(', ')} from listings l where ${base.map((c) => c.sql).join(' and ')}`,
    [...aggregates.flatMap((a) => a.params), ...base.flatMap((c) => c.params)],
  );
  const n = (alias: string) => Number(row?.[alias] ?? 0);
  return {
    total: n('total'),
    inStock: n('stock'),
    conditions: asked.grades.map((_, i) => n(`g${i}`)),
    prices: asked.prices.map((_, i) => n(`p${i}`)),
  };
}

function gradeCount(w: { sql: string; params: unknown[] }, grade: string) {
  return { sql: `count(*) filter (where ${w.sql} and l.condition = ?)`, params: [...w.params, grade] };
}

async function groupedFacet(em: EntityManager, where: { sql: string; params: unknown[] }, key: string, named: string, limit = 50): Promise<FacetValue[]> {
  const rows = await sql(em, `with f as (select ${key} as key, count(*) as n from listings l where ${where.sql} group by 1 order by n desc limit ${limit}) ${named} order by n desc, label`, where.params);
  return rows.map((r) => ({ value: String(r.value ?? ''), label: String(r.label ?? ''), count: Number(r.n) }));
}
