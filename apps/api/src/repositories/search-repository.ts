// Storefront search over listings: PostgreSQL full-text search on the generated, weighted
// search_vector (title A, artist/format/label B, description C) with prefix matching, keyset pages,
// disjunctive facet counts (each facet counted under every filter but its own), and the listing
// vocabulary (search_words, kept by a trigger on listings) for typo correction.
import type { EntityManager } from '@marketdesk/db';
import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { ListingCard } from '../services/search/listing-card.js';
import { db, sql, type DB } from './db.js';
import { listingCards, toCard } from './listing-card-query.js';

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

/** Conditions on the listing `l`, built once and used in the page, the counts' filters and the grouped facets. */
const lb = expressionBuilder<DB & { l: DB['Listing'] }, 'l'>();
type Condition = Expression<SqlBool>;

interface Clause {
  where: Condition;
  facet?: FacetKey;
}

// The full-text match and rank read the generated search_vector column, which no entity maps
// (only search reads it), with to_tsquery's prefix query: hand-written fragments.
const matches = (tsquery: string) =>
  sql<SqlBool>`l.search_vector @@ to_tsquery('simple', ${tsquery})`;
const rankOf = (tsquery: string | null) =>
  sql<string>`round(ts_rank_cd(l.search_vector, to_tsquery('simple', ${tsquery}))::numeric, 6)`;

const inStock = (): Condition => lb.and([lb('l.state', '=', 'active'), lb('l.quantity', '>', 0)]);
const inRange = (r: PriceRange): Condition =>
  r.max === null
    ? lb('l.priceMinor', '>=', r.min)
    : lb.and([lb('l.priceMinor', '>=', r.min), lb('l.priceMinor', '<', r.max)]);
const allOf = (conditions: Condition[]): Condition =>
  conditions.length ? lb.and(conditions) : lb.lit(true);

export const searchRepository = {
  /** The vocabulary's word equal to `word`, else the most similar one with its first letter; null when none is close. */
  async closestWord(
    em: EntityManager,
    word: string,
  ): Promise<{ word: string; exact: boolean } | null> {
    // pg_trgm's similarity() has no builder function: hand-written, called by name.
    const similarity = sql<number>`similarity(${sql.ref('word')}, ${word})`;
    const best = await db(em)
      .selectFrom('SearchWord')
      .select((eb) => ['word', eb('word', '=', word).as('exact')])
      .where((eb) =>
        eb.or([
          eb('word', '=', word),
          eb.and([eb(similarity, '>', 0.3), eb('word', 'like', `${word[0]}%`)]),
        ]),
      )
      .orderBy((eb) => eb('word', '=', word), 'desc')
      .orderBy(similarity, 'desc')
      .orderBy('word')
      .limit(1)
      .executeTakeFirst();
    return best ? { word: best.word, exact: Boolean(best.exact) } : null;
  },

  /** One page of cards in the sort's order, after `after`; `next` is set when more follow. */
  async page(
    em: EntityManager,
    filter: ListingSearchFilter,
    p: { sort: ListingSearchSort; after: SearchKey | null; limit: number },
  ): Promise<{
    items: ListingCard[];
    next: { sortKey: Date | string | number; id: string } | null;
  }> {
    const tsquery = tsqueryOf(filter.words);
    const rank = rankOf(tsquery);
    let q = listingCards(em)
      // The rank is computed only when it orders the page.
      .select(['l.publishedAt', (p.sort === 'relevance' ? rank : sql<string>`null`).as('rank')])
      .where(allOf(clausesOf(filter, tsquery).map((c) => c.where)));
    // The keyset condition is a row comparison, (key, id) < (…), which the builder types only for IN.
    const after = p.after;
    switch (p.sort) {
      case 'relevance':
        if (after)
          q = q.where(sql<SqlBool>`(${rank}, l.id) < (${after[0]}::numeric, ${after[1]}::uuid)`);
        q = q.orderBy('rank', 'desc').orderBy('l.id', 'desc');
        break;
      case 'price_asc':
        if (after)
          q = q.where(
            sql<SqlBool>`(${sql.ref('l.priceMinor')}, l.id) > (${after[0]}::int, ${after[1]}::uuid)`,
          );
        q = q.orderBy('l.priceMinor', 'asc').orderBy('l.id', 'asc');
        break;
      case 'price_desc':
        if (after)
          q = q.where(
            sql<SqlBool>`(${sql.ref('l.priceMinor')}, l.id) < (${after[0]}::int, ${after[1]}::uuid)`,
          );
        q = q.orderBy('l.priceMinor', 'desc').orderBy('l.id', 'desc');
        break;
      default:
        // Public listings always have published_at (set when first approved); indexed with id.
        if (after)
          q = q.where(
            sql<SqlBool>`(${sql.ref('l.publishedAt')}, l.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`,
          );
        q = q.orderBy('l.publishedAt', 'desc').orderBy('l.id', 'desc');
    }
    const rows = await q.limit(p.limit + 1).execute();
    const items = rows.slice(0, p.limit);
    const last = rows.length > p.limit ? items[items.length - 1] : undefined;
    const sortKey = (r: (typeof rows)[number]): Date | string | number =>
      p.sort === 'relevance' ? r.rank : p.sort === 'newest' ? r.publishedAt! : r.priceMinor;
    return {
      items: items.map(toCard),
      next: last ? { sortKey: sortKey(last), id: last.id } : null,
    };
  },

  /**
   * The total and every facet's counts. One scan for the total and the fixed-value facets
   * (conditions, price ranges, in stock); two grouped scans for categories and sellers, joined to
   * their names after aggregation.
   */
  async facets(
    em: EntityManager,
    filter: ListingSearchFilter,
    asked: { grades: readonly string[]; prices: readonly PriceRange[] },
  ): Promise<ListingSearchFacets> {
    const clauses = clausesOf(filter, tsqueryOf(filter.words));
    // One after another: in a transaction they would share one connection.
    const counts = await fixedCounts(em, clauses, asked);
    const categories = await categoryFacet(em, whereOf(clauses, 'category'));
    const sellers = await sellerFacet(em, whereOf(clauses, 'seller'));
    return { ...counts, categories, sellers };
  },
};

const tsqueryOf = (words: readonly string[]): string | null =>
  words.length ? words.map((w) => `${w}:*`).join(' & ') : null;

function clausesOf(f: ListingSearchFilter, tsquery: string | null): Clause[] {
  const clauses: Clause[] = [{ where: lb('l.state', 'in', ['active', 'sold_out']) }];
  if (tsquery) clauses.push({ where: matches(tsquery) });
  if (f.categoryIds)
    clauses.push({
      where: f.categoryIds.length ? lb('l.category', 'in', [...f.categoryIds]) : lb.lit(false),
      facet: 'category',
    });
  if (f.conditions.length)
    clauses.push({ where: lb('l.condition', 'in', [...f.conditions]), facet: 'condition' });
  if (f.price) clauses.push({ where: inRange(f.price), facet: 'price' });
  if (f.sellerId) clauses.push({ where: lb('l.seller', '=', f.sellerId), facet: 'seller' });
  if (f.inStock) clauses.push({ where: inStock(), facet: 'stock' });
  return clauses;
}

/** Every clause but the one of the facet being counted. */
function whereOf(clauses: Clause[], omit?: FacetKey): Condition {
  return allOf(
    clauses.filter((c) => c.facet === undefined || c.facet !== omit).map((c) => c.where),
  );
}

/** `count(*) filter (where …)` over the listings matching the clauses that are always on. */
async function fixedCounts(
  em: EntityManager,
  clauses: Clause[],
  asked: { grades: readonly string[]; prices: readonly PriceRange[] },
) {
  const base = clauses.filter((c) => c.facet === undefined).map((c) => c.where);
  /** The facet clauses but `omit`'s, and `extra`. */
  const except = (omit: FacetKey | null, extra: Condition | null): Condition =>
    allOf([
      ...clauses.filter((c) => c.facet !== undefined && c.facet !== omit).map((c) => c.where),
      ...(extra ? [extra] : []),
    ]);
  const row = await db(em)
    .selectFrom('Listing as l')
    .select((eb) => [
      eb.fn.countAll().filterWhere(except(null, null)).as('total'),
      eb.fn.countAll().filterWhere(except('stock', inStock())).as('stock'),
      ...asked.grades.map((g, i) =>
        eb.fn
          .countAll()
          .filterWhere(except('condition', lb('l.condition', '=', g)))
          .as(`g${i}`),
      ),
      ...asked.prices.map((b, i) =>
        eb.fn
          .countAll()
          .filterWhere(except('price', inRange(b)))
          .as(`p${i}`),
      ),
    ])
    .where(allOf(base))
    .executeTakeFirst();
  const counts = (row ?? {}) as Record<string, string | number | bigint | undefined>;
  const n = (alias: string) => Number(counts[alias] ?? 0);
  return {
    total: n('total'),
    inStock: n('stock'),
    conditions: asked.grades.map((_, i) => n(`g${i}`)),
    prices: asked.prices.map((_, i) => n(`p${i}`)),
  };
}

/** The matches grouped by `key`, the `limit` largest groups (the CTE's columns named like no column: the plugin leaves them alone). */
const grouped = (
  em: EntityManager,
  where: Condition,
  key: 'l.category' | 'l.seller',
  limit: number,
) =>
  db(em)
    .selectFrom('Listing as l')
    .select((eb) => [eb.ref(key).as('facetKey'), eb.fn.countAll().as('hits')])
    .where(where)
    .groupBy(key)
    .orderBy('hits', 'desc')
    .limit(limit);

async function categoryFacet(em: EntityManager, where: Condition): Promise<FacetValue[]> {
  const rows = await db(em)
    .with('f', () => grouped(em, where, 'l.category', 50))
    .selectFrom('f')
    .innerJoin('Category as c', 'c.id', 'f.facetKey')
    .select(['c.slug', 'c.name', 'f.hits'])
    .orderBy('f.hits', 'desc')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ value: r.slug, label: r.name, count: Number(r.hits) }));
}

async function sellerFacet(em: EntityManager, where: Condition): Promise<FacetValue[]> {
  const rows = await db(em)
    .with('f', () => grouped(em, where, 'l.seller', 10))
    .selectFrom('f')
    .innerJoin('User as u', 'u.id', 'f.facetKey')
    .select(['f.facetKey', 'u.displayName', 'f.hits'])
    .orderBy('f.hits', 'desc')
    .orderBy('u.displayName')
    .execute();
  return rows.map((r) => ({
    value: String(r.facetKey),
    label: r.displayName,
    count: Number(r.hits),
  }));
}
