// The storefront's recommendation widgets. Each asks one source (bought together, similar,
// trending, for you…) with a time limit; when the source fails, is slower than the limit, or has
// nothing to say, the widget gets popular items instead, labelled as such — a widget is never
// empty or broken unless the shop has no live stock at all.
import type { EntityManager } from '@marketdesk/db';
import { recommendationRepository } from '../../repositories/recommendation-repository.js';
import type { ListingCard } from '../search/listing-card.js';

export type RecommendationSource = 'bought_together' | 'similar' | 'trending' | 'for_you' | 'recently_viewed' | 'popular' | 'new_arrivals';

export interface RecommendationRow {
  key: string;
  source: RecommendationSource;
  title: string;
  subtitle: string | null;
  items: ListingCard[];
  /** True when the row shows the fallback because its own source was empty, slow or failing. */
  fallback: boolean;
}

export interface RecommendationOptions {
  timeoutMs: number;
  log?: { warn(obj: object, msg: string): void };
}

const POPULAR_TTL_MS = 60_000;
let popularCache: { at: number; items: ListingCard[] } | null = null;

/** Popular items, cached per process for a minute (the fallback must itself be fast). */
async function popular(em: EntityManager, nowMs: number): Promise<ListingCard[]> {
  if (popularCache && nowMs - popularCache.at < POPULAR_TTL_MS) return popularCache.items;
  let items = await recommendationRepository.popular(em, 48);
  if (items.length < 8) items = [...items, ...(await recommendationRepository.newArrivals(em, 48)).filter((n) => !items.some((i) => i.id === n.id))];
  popularCache = { at: nowMs, items };
  return items;
}

/** For tests: forget the cached popular items. */
export function resetPopularCache(): void {
  popularCache = null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** One widget: its source within the time limit, else popular items (minus `exclude`). */
export async function recommendationRow(
  em: EntityManager,
  row: { key: string; source: RecommendationSource; title: string; subtitle?: string | null; limit: number; exclude?: string[] },
  load: () => Promise<ListingCard[]>,
  options: RecommendationOptions,
): Promise<RecommendationRow> {
  const exclude = new Set(row.exclude ?? []);
  let items: ListingCard[] = [];
  try {
    const result = await withTimeout(load(), options.timeoutMs);
    if (result === 'timeout') options.log?.warn({ source: row.source, timeoutMs: options.timeoutMs }, 'recommendation source too slow; showing popular items');
    else items = result.filter((i) => !exclude.has(i.id)).slice(0, row.limit);
  } catch (err) {
    options.log?.warn({ source: row.source, err: (err as Error).message }, 'recommendation source failed; showing popular items');
  }
  if (items.length > 0) return { key: row.key, source: row.source, title: row.title, subtitle: row.subtitle ?? null, items, fallback: false };
  const fallback = (await popular(em, Date.now())).filter((i) => !exclude.has(i.id) && !i.soldOut).slice(0, row.limit);
  return { key: row.key, source: 'popular', title: 'Popular right now', subtitle: null, items: fallback, fallback: true };
}

export function boughtTogether(em: EntityManager, listingId: string, limit: number, options: RecommendationOptions) {
  return recommendationRow(em, { key: 'bought_together', source: 'bought_together', title: 'Bought together', subtitle: 'Customers who bought this also bought', limit, exclude: [listingId] }, () => recommendationRepository.boughtTogether(em, listingId, limit), options);
}

export function similarItems(em: EntityManager, listingId: string, limit: number, options: RecommendationOptions) {
  return recommendationRow(em, { key: 'similar', source: 'similar', title: 'Similar records', subtitle: 'Same artist, title or shelf', limit, exclude: [listingId] }, () => recommendationRepository.similar(em, listingId, limit), options);
}

export function trending(em: EntityManager, limit: number, options: RecommendationOptions) {
  return recommendationRow(em, { key: 'trending', source: 'trending', title: 'Trending now', subtitle: 'What buyers are looking at and buying this week', limit }, () => recommendationRepository.trending(em, limit), options);
}

/** Home rows: personal rows for a signed-in buyer with history, then trending for everyone. */
export async function homeRows(em: EntityManager, userId: string | null, limit: number, options: RecommendationOptions): Promise<RecommendationRow[]> {
  const rows: RecommendationRow[] = [];
  if (userId) {
    const [forYou, recent, last] = await Promise.all([
      withTimeout(recommendationRepository.forBuyer(em, userId, limit), options.timeoutMs).catch(() => 'timeout' as const),
      withTimeout(recommendationRepository.recentlyViewed(em, userId, limit), options.timeoutMs).catch(() => 'timeout' as const),
      recommendationRepository.lastViewed(em, userId).catch(() => null),
    ]);
    if (forYou !== 'timeout' && forYou.length > 0) rows.push({ key: 'for_you', source: 'for_you', title: 'Recommended for you', subtitle: 'From what you bought and looked at', items: forYou, fallback: false });
    else if (last) rows.push(await recommendationRow(em, { key: 'for_you', source: 'similar', title: `Because you viewed ${last.title}`, limit, exclude: [last.id] }, () => recommendationRepository.similar(em, last.id, limit), options));
    if (recent !== 'timeout' && recent.length > 0) rows.push({ key: 'recently_viewed', source: 'recently_viewed', title: 'Recently viewed', subtitle: null, items: recent, fallback: false });
  }
  rows.push(await trending(em, limit, options));
  return rows;
}
