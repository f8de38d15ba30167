// Storefront search: PostgreSQL full-text search over the generated, weighted search_vector
// (title A, artist/format/label B, description C) with prefix matching, typo correction through
// the vocabulary (spelling.ts), disjunctive facet counts, and keyset (cursor) pagination.
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { sql, type Row } from '../../repositories/sql.js';
import { grades } from '@marketdesk/domain';
import { priceBuckets, type SearchInput } from './search-input.js';
import { correctSpelling, queryWords } from './spelling.js';
import { listingCardColumns, listingCardFrom, toListingCard, type ListingCard } from './listing-card.js';

type FacetKey = 'category' | 'condition' | 'price' | 'seller' | 'stock';

interface Clause {
  sql: string;
  params: unknown[];
  facet?: FacetKey;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

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
  const tsquery = correction.words.length ? correction.words.map((w) => `${w}:*`).join(' & ') : null;
  const clauses = await filterClauses(em, input, tsquery);
  const where = (omit?: FacetKey) => {
    const used = clauses.filter((c) => c.facet === undefined || c.facet !== omit);
    return { sql: used.map((c) => c.sql).join(' and '), params: used.flatMap((c) => c.params) };
  };
  const all = where();
  const from = listingCardFrom;

  const sort = input.sort === 'relevance' && !tsquery ? 'newest' : input.sort;
  const order = orderFor(sort, tsquery);
  const cursor = decodeCursor(input.cursor, sort);
  const page = await sql(
    em,
    `select ${listingCardColumns}, ${order.key} as sort_key ${from} where ${all.sql}${cursor ? ` and ${order.after}` : ''}
      order by ${order.by} limit ?`,
    [...order.keyParams, ...all.params, ...(cursor ? [...order.keyParams, ...cursor] : []), input.limit + 1],
  );
  // One scan for the total and the fixed-value facets (conditions, price buckets, in stock), each
  // count filtered by every filter except its own; two grouped scans for categories and sellers,
  // joined to their names after aggregation.
  const [counts, categories, sellers] = await Promise.all([
    fixedCounts(em, clauses),
    groupedFacet(em, where('category'), 'l.category_id', `select c.slug as value, c.name as label, f.n from f join categories c on c.id = f.key`),
    groupedFacet(em, where('seller'), 'l.seller_id', `select f.key::text as value, u.display_name as label, f.n from f join users u on u.id = f.key`, 10),
  ]);
  const items = page.slice(0, input.limit);
  const last = page.length > input.limit ? items[items.length - 1] : undefined;
  const total = counts.total;
  return {
    items: items.map(toListingCard),
    total,
    nextCursor: last ? encodeCursor(last.sort_key, last.id as string) : null,
    correctedQuery: correction.suggestion && total > 0 ? correction.suggestion : null,
    suggestion: total === 0 ? correction.suggestion : null,
    facets: { category: categories, condition: counts.condition, price: counts.price, seller: sellers, inStock: counts.inStock },
  };
}

async function filterClauses(em: EntityManager, input: SearchInput, tsquery: string | null): Promise<Clause[]> {
  const clauses: Clause[] = [{ sql: `l.state in ('active', 'sold_out')`, params: [] }];
  if (tsquery) clauses.push({ sql: `l.search_vector @@ to_tsquery('simple', ?)`, params: [tsquery] });
  if (input.category) {
    const ids = await sql(
      em,
      `with recursive tree as (select id from categories where slug = ? union all select c.id from categories c join tree t on c.parent_id = t.id) select id from tree`,
      [input.category],
    );
    if (ids.length === 0) throw new AppError('NOT_FOUND', `There is no category "${input.category}".`);
    clauses.push({ sql: `l.category_id in (${ids.map(() => '?').join(',')})`, params: ids.map((r) => r.id), facet: 'category' });
  }
  if (input.conditions.length) clauses.push({ sql: `l.condition in (${input.conditions.map(() => '?').join(',')})`, params: input.conditions, facet: 'condition' });
  if (input.price) {
    const b = priceBuckets.find((p) => p.id === input.price)!;
    clauses.push(b.max === null ? { sql: `l.price_minor >= ?`, params: [b.min], facet: 'price' } : { sql: `l.price_minor >= ? and l.price_minor < ?`, params: [b.min, b.max], facet: 'price' });
  }
  if (input.sellerId) clauses.push({ sql: `l.seller_id = ?`, params: [input.sellerId], facet: 'seller' });
  if (input.inStock) clauses.push({ sql: `l.state = 'active' and l.quantity > 0`, params: [], facet: 'stock' });
  return clauses;
}

function orderFor(sort: SearchInput['sort'], tsquery: string | null): { key: string; keyParams: unknown[]; by: string; after: string } {
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
async function fixedCounts(em: EntityManager, clauses: Clause[]) {
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
  grades.forEach((g, i) => aggregates.push({ alias: `g${i}`, ...gradeCount(except('condition'), g) }));
  priceBuckets.forEach((b, i) => add(`p${i}`, b.max === null ? `l.price_minor >= ${b.min}` : `l.price_minor >= ${b.min} and l.price_minor < ${b.max}`, 'price'));
  const [row] = await sql(
    em,
    `select ${aggregates.map((a) => `${a.sql} as ${a.alias}`).join(', ')} from listings l where ${base.map((c) => c.sql).join(' and ')}`,
    [...aggregates.flatMap((a) => a.params), ...base.flatMap((c) => c.params)],
  );
  const n = (alias: string) => Number(row?.[alias] ?? 0);
  return {
    total: n('total'),
    inStock: n('stock'),
    condition: grades.map((g, i) => ({ value: g, label: g, count: n(`g${i}`) })).filter((f) => f.count > 0),
    price: priceBuckets.map((b, i) => ({ value: b.id as string, label: b.label as string, count: n(`p${i}`) })).filter((f) => f.count > 0),
  };
}

function gradeCount(w: { sql: string; params: unknown[] }, grade: string) {
  return { sql: `count(*) filter (where ${w.sql} and l.condition = ?)`, params: [...w.params, grade] };
}

async function groupedFacet(em: EntityManager, where: { sql: string; params: unknown[] }, key: string, named: string, limit = 50): Promise<FacetValue[]> {
  const rows = await sql(em, `with f as (select ${key} as key, count(*) as n from listings l where ${where.sql} group by 1 order by n desc limit ${limit}) ${named} order by n desc, label`, where.params);
  return rows.map((r: Row) => ({ value: String(r.value ?? ''), label: String(r.label ?? ''), count: Number(r.n) }));
}

function encodeCursor(key: unknown, id: string): string {
  const k = key instanceof Date ? key.toISOString() : String(key);
  return Buffer.from(JSON.stringify([k, id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined, sort: string): [string, string] | null {
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
