// Catalog enrichment for sellers and staff: search a record database (Discogs), read a release to
// prefill a listing or a submission item, and turn its market prices into a suggested price with the
// pricing engine (packages/domain pricing/suggest-price.ts). Answers are cached in PostgreSQL, so a
// second look-up of the same thing costs no request against the provider's rate limit.
import { defaultPricingPolicy, suggestPrice, type Grade } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import type { Config } from '../../env.js';
import { AppError } from '../../errors/app-error.js';
import { DiscogsCatalog, DiscogsClient, DiscogsError, type CatalogPort, type MarketPrices, type ReleaseDetails, type ReleaseSummary } from '../../integrations/discogs/index.js';
import { discogsCacheRepository } from '../../repositories/discogs-cache-repository.js';

const HOUR_MS = 3_600_000;
const ttlMs = { search: 24 * HOUR_MS, release: 30 * 24 * HOUR_MS, prices: 6 * HOUR_MS };

export interface EnrichmentService {
  readonly enabled: boolean;
  search(em: EntityManager, query: { q?: string; artist?: string; title?: string; format?: string }, now: Date): Promise<ReleaseSummary[]>;
  release(em: EntityManager, releaseId: number, now: Date): Promise<ReleaseDetails>;
  suggest(em: EntityManager, input: { releaseId: number; grade: Grade; currency: string }, now: Date): Promise<SuggestedPriceView>;
}

export interface SuggestedPriceView {
  releaseId: number;
  currency: string;
  market: MarketPrices;
  /** Null when the market has no usable price for this release. */
  suggestion: { referenceMinor: number; referenceSource: string; offerMinor: number; sellPriceMinor: number; grade: Grade } | null;
}

function toAppError(err: unknown): never {
  if (err instanceof DiscogsError) {
    if (err.kind === 'not_found') throw new AppError('NOT_FOUND', 'Discogs has no such release.');
    if (err.kind === 'rate_limited') throw new AppError('TOO_MANY_REQUESTS', 'Discogs is busy with our earlier look-ups; try again in a minute.', { retryAfterSeconds: Math.ceil((err.retryAfterMs ?? 60_000) / 1000) });
    throw new AppError('UNAVAILABLE', `Discogs look-up failed: ${err.message}`);
  }
  throw err;
}

/** Read-through cache: the stored answer while fresh, else ask the catalog and store its answer. */
async function cached<T>(em: EntityManager, key: string, now: Date, ttl: number, load: () => Promise<T>): Promise<T> {
  const hit = await discogsCacheRepository.get(em, key, now);
  if (hit !== undefined) return hit as T;
  const value = await load().catch(toAppError);
  await discogsCacheRepository.put(em, key, value, now, ttl);
  return value;
}

export function createEnrichmentService(catalog: CatalogPort | null): EnrichmentService {
  const need = (): CatalogPort => {
    if (!catalog) throw new AppError('UNAVAILABLE', 'Catalog look-ups are not configured (set DISCOGS_TOKEN).');
    return catalog;
  };
  return {
    enabled: catalog !== null,
    async search(em, query, now) {
      const c = need();
      const normal = Object.fromEntries(Object.entries(query).filter(([, v]) => v && v.trim()).map(([k, v]) => [k, v!.trim().toLowerCase()]).sort());
      if (Object.keys(normal).length === 0) throw new AppError('BAD_REQUEST', 'Enter an artist, a title or search words.');
      return cached(em, `search:${JSON.stringify(normal)}`, now, ttlMs.search, () => c.search(normal));
    },
    async release(em, releaseId, now) {
      const c = need();
      return cached(em, `release:${releaseId}`, now, ttlMs.release, () => c.release(releaseId));
    },
    async suggest(em, { releaseId, grade, currency }, now) {
      const c = need();
      const market = await cached(em, `prices:${releaseId}:${currency}`, now, ttlMs.prices, () => c.marketPrices(releaseId, currency));
      const policy = { ...defaultPricingPolicy };
      const priced = currency === policy.currency ? suggestPrice(market, grade, policy) : null;
      return {
        releaseId,
        currency,
        market,
        suggestion: priced && { referenceMinor: priced.referencePriceMinor, referenceSource: priced.referenceSource, offerMinor: priced.offerMinor, sellPriceMinor: priced.sellPriceMinor, grade },
      };
    },
  };
}

/** From configuration: Discogs when a token is set, otherwise enrichment is off. */
export function enrichmentFromConfig(config: Pick<Config, 'DISCOGS_TOKEN' | 'DISCOGS_API_BASE' | 'DISCOGS_USER_AGENT'>): EnrichmentService {
  if (!config.DISCOGS_TOKEN) return createEnrichmentService(null);
  const client = new DiscogsClient({ baseUrl: config.DISCOGS_API_BASE, token: config.DISCOGS_TOKEN, userAgent: config.DISCOGS_USER_AGENT });
  return createEnrichmentService(new DiscogsCatalog(client));
}
