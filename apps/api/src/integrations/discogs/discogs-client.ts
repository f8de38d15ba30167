// The Discogs API client: release search, release metadata, marketplace statistics and price
// suggestions, with the token, a User-Agent, the rate limit (rate-limiter.ts) and retries:
// a 429 waits for Retry-After (seconds or an HTTP date) or backs off exponentially, a 5xx or a
// network failure backs off, and after `maxRetries` the caller gets a typed DiscogsError.
import type { z } from 'zod';
import { DiscogsError } from './discogs-errors.js';
import { DiscogsRateLimiter } from './rate-limiter.js';
import { marketplaceStatsSchema, priceSuggestionsSchema, releaseSchema, searchPageSchema, type DiscogsMarketplaceStats, type DiscogsPriceSuggestions, type DiscogsRelease, type DiscogsSearchPage } from './types.js';

export interface DiscogsClientOptions {
  baseUrl: string;
  token: string;
  userAgent: string;
  maxRetries?: number;
  /** Backoff when a 429 carries no Retry-After, doubled per attempt (capped at 60 s). */
  backoffMs?: number;
  requestTimeoutMs?: number;
  windowMs?: number;
  /** Longest wait for the rate limit before refusing (default 10 s). */
  maxWaitMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SearchQuery {
  q?: string;
  artist?: string;
  title?: string;
  format?: string;
  page?: number;
  perPage?: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

export class DiscogsClient {
  readonly limiter: DiscogsRateLimiter;
  private readonly maxRetries: number;
  private readonly backoffMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: DiscogsClientOptions) {
    this.maxRetries = options.maxRetries ?? 3;
    this.backoffMs = options.backoffMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.limiter = new DiscogsRateLimiter({ windowMs: options.windowMs ?? 60_000, maxWaitMs: options.maxWaitMs ?? 10_000, now: this.now, sleep: this.sleep });
  }

  searchReleases(query: SearchQuery): Promise<DiscogsSearchPage> {
    const params: Record<string, string> = { type: 'release', page: String(query.page ?? 1), per_page: String(query.perPage ?? 10) };
    if (query.q) params.q = query.q;
    if (query.artist) params.artist = query.artist;
    if (query.title) params.release_title = query.title;
    if (query.format) params.format = query.format;
    return this.get('/database/search', params, searchPageSchema);
  }

  getRelease(releaseId: number, currency: string): Promise<DiscogsRelease> {
    return this.get(`/releases/${releaseId}`, { curr_abbr: currency }, releaseSchema);
  }

  getMarketplaceStats(releaseId: number, currency: string): Promise<DiscogsMarketplaceStats> {
    return this.get(`/marketplace/stats/${releaseId}`, { curr_abbr: currency }, marketplaceStatsSchema);
  }

  /** Per-condition suggestions; null when Discogs has none for this account (it needs seller settings). */
  async getPriceSuggestions(releaseId: number): Promise<DiscogsPriceSuggestions | null> {
    try {
      return await this.get(`/marketplace/price_suggestions/${releaseId}`, {}, priceSuggestionsSchema);
    } catch (err) {
      if (err instanceof DiscogsError && (err.kind === 'not_found' || err.kind === 'unauthorized')) return null;
      throw err;
    }
  }

  private async get<S extends z.ZodType>(path: string, params: Record<string, string>, schema: S): Promise<z.infer<S>> {
    const url = new URL(path, this.options.baseUrl);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    for (let attempt = 0; ; attempt++) {
      const res = await this.limiter.schedule(() => this.send(url));
      if (res.ok) {
        const parsed = schema.safeParse(await res.json());
        if (!parsed.success) throw new DiscogsError(`Discogs answered ${path} in an unexpected shape`, 'bad_response', res.status);
        return parsed.data;
      }
      const retryMs = await this.retryDelay(res, attempt);
      if (retryMs === null) throw await this.errorFor(res, path);
      if (attempt >= this.maxRetries) {
        const waitMs = res.status === 429 ? retryMs : null;
        throw new DiscogsError(res.status === 429 ? 'Discogs is rate-limiting us; try again shortly' : `Discogs failed (${res.status})`, res.status === 429 ? 'rate_limited' : 'unavailable', res.status, waitMs);
      }
      await this.sleep(retryMs);
      if (res.status === 429) this.limiter.retryAllowed();
    }
  }

  private async send(url: URL): Promise<Response> {
    try {
      const res = await fetch(url, {
        headers: { authorization: `Discogs token=${this.options.token}`, 'user-agent': this.options.userAgent, accept: 'application/vnd.discogs.v2.discogs+json' },
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000),
      });
      this.limiter.observe(res.headers);
      return res;
    } catch (err) {
      throw new DiscogsError(`Discogs could not be reached: ${(err as Error).message}`, 'unavailable');
    }
  }

  /** How long to wait before retrying, or null when retrying cannot help. */
  private async retryDelay(res: Response, attempt: number): Promise<number | null> {
    const backoff = Math.min(60_000, this.backoffMs * 2 ** attempt);
    if (res.status === 429) {
      this.limiter.exhausted();
      await res.body?.cancel();
      return parseRetryAfterMs(res.headers.get('retry-after'), this.now()) ?? backoff;
    }
    if (res.status >= 500) {
      await res.body?.cancel();
      return backoff;
    }
    return null;
  }

  private async errorFor(res: Response, path: string): Promise<DiscogsError> {
    const body = (await res.json().catch(() => ({}))) as { message?: string };
    if (res.status === 404) return new DiscogsError(body.message ?? `Not found on Discogs: ${path}`, 'not_found', 404);
    if (res.status === 401 || res.status === 403) return new DiscogsError(body.message ?? 'Discogs refused our token', 'unauthorized', res.status);
    return new DiscogsError(body.message ?? `Discogs answered ${res.status}`, 'bad_response', res.status);
  }
}
