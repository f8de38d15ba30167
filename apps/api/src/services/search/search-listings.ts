// Storefront search: PostgreSQL full-text search over the generated, weighted search_vector
// (title A, artist/format/label B, description C) with prefix matching, typo correction through
// the vocabulary (spelling.ts), disjunctive facet counts, and keyset (cursor) pagination.
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { sql, type Row } from '../../repositories/sql.js';
import { priceBuckets, type SearchInput } from './search-input.js';
import { correctSpelling, queryWords } from './spelling.js';
import { toListingCard, type ListingCard } from './listing-card.js';

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

const cardColumns = `l.id, l.slug, l.title, l.attributes, l.condition, l.price_minor, l.currency, l.quantity, l.state, l.seller_id, l.published_at,
  u.display_name as seller_name, c.slug as category_slug, c.name as category_name,
  (select coalesce(i.thumb_key, i.storage_key) from listing_images i where i.listing_id = l.id order by i.position limit 1) as image_key`;

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
  const from = `from listings l join users u on u.id = l.seller_id join categories c on c.id = l.category_id`;

  const sort = input.sort === 'relevance' && !tsquery ? 'newest' : input.sort;
  const order = orderFor(sort, tsquery);
  const cursor = decodeCursor(input.cursor, sort);
  const page = await sql(
    em,
    `select ${cardColumns}, ${order.key} as sort_key ${from} where ${all.sql}${cursor ? ` and ${order.after}` : ''}
      order by ${order.by} limit ?`,
    [...order.keyParams, ...all.params, ...(cursor ? [...order.keyParams, ...cursor] : []), input.limit + 1],
  );
  const [totalRows, categories, conditions, prices, sellers, stock] = await Promise.all([
    sql(em, `select count(*) as n ${from} where ${all.sql}`, all.params),
    facetQuery(em, from, where('category'), `c.slug`, `c.name`),
    facetQuery(em, from, where('condition'), `l.condition`, `l.condition`),
    priceFacet(em, from, where('price')),
    facetQuery(em, from, where('seller'), `l.seller_id::text`, `u.display_name`, 10),
    sql(em, `select count(*) as n ${from} where ${where('stock').sql} and l.state = 'active' and l.quantity > 0`, where('stock').params),
  ]);
  const items = page.slice(0, input.limit);
  const last = page.length > input.limit ? items[items.length - 1] : undefined;
  const total = Number(totalRows[0]?.n ?? 0);
  return {
    items: items.map(toListingCard),
    total,
    nextCursor: last ? encodeCursor(last.sort_key, last.id as string) : null,
    correctedQuery: correction.suggestion && total > 0 ? correction.suggestion : null,
    suggestion: total === 0 ? correction.suggestion : null,
    facets: {
      category: categories,
      condition: conditions.filter((c) => c.value !== ''),
      price: prices,
      seller: sellers,
      inStock: Number(stock[0]?.n ?? 0),
    },
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
      return {
        key: `coalesce(l.published_at, l.created_at)`,
        keyParams: [],
        by: `coalesce(l.published_at, l.created_at) desc, l.id desc`,
        after: `(coalesce(l.published_at, l.created_at), l.id) < (?::timestamptz, ?::uuid)`,
      };
  }
}

async function facetQuery(em: EntityManager, from: string, where: { sql: string; params: unknown[] }, value: string, label: string, limit = 50): Promise<FacetValue[]> {
  const rows = await sql(em, `select ${value} as value, ${label} as label, count(*) as n ${from} where ${where.sql} group by 1, 2 order by n desc, 2 limit ${limit}`, where.params);
  return rows.map((r: Row) => ({ value: String(r.value ?? ''), label: String(r.label ?? ''), count: Number(r.n) }));
}

async function priceFacet(em: EntityManager, from: string, where: { sql: string; params: unknown[] }): Promise<FacetValue[]> {
  const cases = priceBuckets.map((b) => `count(*) filter (where l.price_minor >= ${b.min}${b.max === null ? '' : ` and l.price_minor < ${b.max}`}) as "${b.id}"`).join(', ');
  const [row] = await sql(em, `select ${cases} ${from} where ${where.sql}`, where.params);
  return priceBuckets.map((b) => ({ value: b.id, label: b.label, count: Number(row?.[b.id] ?? 0) })).filter((f) => f.count > 0);
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
