// Catalog enrichment with the real Discogs client against a local server replaying recorded
// Discogs responses (fixtures/discogs/*.json), including 429s: search, release prefill, price
// suggestions through the pricing engine, the PostgreSQL cache, the X-Discogs-Ratelimit headers,
// Retry-After, giving up after retries — and the feature switched off without a token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscogsCatalog, DiscogsClient, DiscogsError } from '../src/integrations/discogs/index.js';
import { createEnrichmentService } from '../src/services/enrichment/enrichment-service.js';
import { startDiscogsReplay, type ReplayServer } from './discogs-replay.js';
import { client as apiClient, registerUser, startApi, type RunningApi } from './harness.js';

let replay: ReplayServer;
let api: RunningApi;
const token = 'test-token-0123456789';

beforeAll(async () => {
  replay = await startDiscogsReplay();
  api = await startApi({ DISCOGS_TOKEN: token, DISCOGS_API_BASE: replay.url });
});
afterAll(async () => {
  await api.close();
  await replay.close();
});

const client = (over: Partial<ConstructorParameters<typeof DiscogsClient>[0]> = {}) => new DiscogsClient({ baseUrl: replay.url, token, userAgent: 'MarketdeskTest/1.0', backoffMs: 50, ...over });

describe('Discogs client (replayed responses)', () => {
  it('searches releases with the token and a User-Agent, and reads the rate-limit headers', async () => {
    const c = client();
    const results = await new DiscogsCatalog(c).search({ artist: 'the beatles', title: 'abbey road' });
    expect(results.map((r) => [r.releaseId, r.artist, r.title, r.year, r.catno])).toEqual([
      [2393, 'The Beatles', 'Abbey Road', '1969', 'PCS 7088'],
      [380520, 'The Beatles', 'Abbey Road', '1987', 'CDP 7 46446 2'],
    ]);
    const sent = replay.requests.at(-1)!;
    expect(sent.headers.authorization).toBe(`Discogs token=${token}`);
    expect(sent.headers['user-agent']).toBe('MarketdeskTest/1.0');
    expect(c.limiter.current).toEqual({ limit: 60, remaining: 59 });
  });

  it('turns a release into listing fields', async () => {
    const release = await new DiscogsCatalog(client()).release(2393);
    expect(release).toMatchObject({ artist: 'The Beatles', title: 'Abbey Road', year: '1969', label: 'Apple Records', catno: 'PCS 7088', format: 'LP', coverUrl: 'https://i.discogs.com/abbey-road.jpg' });
    expect(release.tracklist.map((t) => t.position)).toEqual(['A1', 'A2', 'B1']);
    expect(release.description).toContain('A1. Come Together (4:20)');
  });

  it('waits out a 429 for its Retry-After, then succeeds', async () => {
    const c = client();
    const before = replay.requests.length;
    const started = Date.now();
    const results = await c.searchReleases({ q: 'kind of blue' });
    expect(results.results[0]!.title).toBe('Miles Davis - Kind Of Blue');
    const attempts = replay.requests.slice(before);
    expect(attempts.map((r) => r.fixture)).toEqual(['search-rate-limited.json', 'search-rate-limited.json']);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(950); // Retry-After: 1
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(c.limiter.current.remaining).toBe(1);
  });

  it('gives up after its retries on repeated 429s, backing off exponentially without a Retry-After', async () => {
    const waits: number[] = [];
    const c = client({ maxRetries: 2, backoffMs: 20, sleep: async (ms) => void waits.push(ms) });
    const err = await c.getRelease(999999, 'EUR').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscogsError);
    expect(err).toMatchObject({ kind: 'rate_limited', status: 429 });
    // Two backoffs (20, 40 ms) between the three attempts; the 429s leave no budget, yet a retry
    // after backing off goes straight out instead of waiting a second time.
    expect(waits).toEqual([20, 40]);
    expect(replay.requests.filter((r) => r.path === '/releases/999999')).toHaveLength(3);
  });

  it('waits for the window when the server says no requests remain', async () => {
    const c = client({ windowMs: 400 });
    await c.searchReleases({ q: 'budget' }); // the fixture answers: limit 2, remaining 0
    const before = Date.now();
    await c.searchReleases({ q: 'budget' });
    expect(c.limiter.waits).toEqual([0, expect.any(Number)]);
    expect(c.limiter.waits[1]).toBeGreaterThanOrEqual(200);
    expect(Date.now() - before).toBeGreaterThanOrEqual(190);
  });

  it('reports a missing release as not found', async () => {
    await expect(client().getRelease(404404, 'EUR')).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });
});

describe('enrichment service', () => {
  it('suggests a price with the pricing engine from Discogs data, cached in PostgreSQL', async () => {
    const enrichment = createEnrichmentService(new DiscogsCatalog(client()));
    const em = api.app.db.orm.em.fork();
    const now = new Date();
    const before = replay.requests.length;
    const first = await enrichment.suggest(em, { releaseId: 2393, grade: 'VG+', currency: 'EUR' }, now);
    // NM suggestion €80.00 is the reference: VG+ 75 % → €60.00; offer 40 % → €24.00; shelf €59.99.
    expect(first.market).toMatchObject({ currency: 'EUR', lowestMinor: 2_499, forSale: 412, byGradeMinor: { NM: 8_000, 'VG+': 5_825, M: 9_650 } });
    expect(first.suggestion).toEqual({ referenceMinor: 8_000, referenceSource: 'grade_nm', offerMinor: 2_400, sellPriceMinor: 5_999, grade: 'VG+' });
    expect(replay.requests.length - before).toBe(2);
    const again = await enrichment.suggest(api.app.db.orm.em.fork(), { releaseId: 2393, grade: 'NM', currency: 'EUR' }, now);
    expect(again.suggestion?.sellPriceMinor).toBe(7_999);
    expect(replay.requests.length - before).toBe(2); // served from the cache
    const expired = await enrichment.suggest(api.app.db.orm.em.fork(), { releaseId: 2393, grade: 'NM', currency: 'EUR' }, new Date(now.getTime() + 7 * 3_600_000));
    expect(expired.suggestion?.sellPriceMinor).toBe(7_999);
    expect(replay.requests.length - before).toBe(4); // six hours later the prices are fetched again
  });

  it('maps provider errors for people: rate limited → TOO_MANY_REQUESTS, missing → NOT_FOUND', async () => {
    const enrichment = createEnrichmentService(new DiscogsCatalog(client({ maxRetries: 0 })));
    const em = api.app.db.orm.em.fork();
    await expect(enrichment.release(em, 999999, new Date())).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await expect(enrichment.release(em, 404404, new Date())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('through the API', () => {
  it('offers look-ups to sellers when a token is configured', async () => {
    const seller = await registerUser(api, { roles: ['seller', 'buyer'] });
    expect((await apiClient(api).enrichment.capabilities.query(undefined, { cookie: seller.cookie })).data).toEqual({ discogs: true });
    const found = await apiClient(api).enrichment.search.query({ artist: 'The Beatles', title: 'Abbey Road' }, { cookie: seller.cookie });
    expect(found.data?.[0]?.releaseId).toBe(2393);
    const buyer = await registerUser(api);
    expect((await apiClient(api).enrichment.search.query({ q: 'x' }, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
  });

  it('hides the feature without a token instead of failing', async () => {
    const off = await startApi({});
    try {
      const seller = await registerUser(off, { roles: ['seller', 'buyer'] });
      expect((await apiClient(off).enrichment.capabilities.query(undefined, { cookie: seller.cookie })).data).toEqual({ discogs: false });
      expect((await apiClient(off).enrichment.search.query({ q: 'abbey road' }, { cookie: seller.cookie })).error?.data.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await off.close();
    }
  });
});
