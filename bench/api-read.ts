// API read latency over HTTP with autocannon: storefront search (catalog.search on 10,000
// listings) and a buyer's order list (orders.mine), at 50 and 200 concurrent connections. Floor: a
// trivial tRPC procedure on the same server (auth.me without a session: no database). Every
// response time goes into an HDR histogram, so p95/p99 are exact. autocannon is closed-loop (each
// connection waits for its answer), so these are throughput-at-saturation figures; the API runs
// as its own process and the generator's CPU is printed beside the server's.
//
//   npx tsx bench/api-read.ts      BENCH_CONNECTIONS=50,200 BENCH_SECONDS=6 BENCH_LISTINGS=10000
import { randomBytes, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '@marketdesk/db';
import { createTestDatabase } from '../tests/fixtures/test-database.js';
import { cpuWatch, fmt, histogram, percentiles, ratio, recordMs, writeResults } from './lib/measure.js';
import { benchLimits, freePort, startApi, startStripe } from './lib/processes.js';

const connectionsList = (process.env.BENCH_CONNECTIONS ?? '50,200').split(',').map(Number);
const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const listings = Number(process.env.BENCH_LISTINGS ?? 10_000);
const origin = 'http://localhost:5174';
const artists = ['The Beatles', 'Pink Floyd', 'Miles Davis', 'John Coltrane', 'Kraftwerk', 'Daft Punk', 'Nina Simone', 'Fleetwood Mac', 'David Bowie', 'Led Zeppelin'];
const words = ['Blue', 'Night', 'Electric', 'Garden', 'River', 'Sunrise', 'Machine', 'Velvet', 'Golden', 'Echoes'];

async function seed(sql: pg.Pool) {
  const sellers = Array.from({ length: 10 }, () => randomUUID());
  const categoryId = randomUUID();
  for (const [i, id] of sellers.entries()) await sql.query(`insert into users (id, email, password_hash, display_name, roles, version, created_at, updated_at) values ($1, $2, 'x', $3, '{seller}', 1, now(), now())`, [id, `seller${i}@bench.test`, `Seller ${i}`]);
  await sql.query(`insert into categories (id, slug, name, position) values ($1, 'records', 'Records', 0)`, [categoryId]);
  const ids: string[] = [];
  for (let start = 0; start < listings; start += 500) {
    const values: unknown[] = [];
    const rows: string[] = [];
    for (let i = start; i < Math.min(start + 500, listings); i++) {
      const artist = artists[i % artists.length]!;
      const title = `${artist} – ${words[(i * 7) % words.length]} ${words[(i * 3 + 1) % words.length]}`;
      const id = randomUUID();
      ids.push(id);
      const p = values.length;
      rows.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, 'Original pressing.', $${p + 6}::jsonb, 'VG+', $${p + 7}, 'EUR', 5, 495, 3, 'active', 1, now() - ($${p + 8} || ' minutes')::interval, now(), now())`);
      values.push(id, sellers[i % sellers.length], categoryId, `l-${i}`, title, JSON.stringify({ artist, format: 'LP', year: String(1960 + (i % 60)) }), 500 + ((i * 37) % 20000), String(i));
    }
    await sql.query(`insert into listings (id, seller_id, category_id, slug, title, description, attributes, condition, price_minor, currency, quantity, shipping_minor, delivery_sla_days, state, version, published_at, created_at, updated_at) values ${rows.join(',')}`, values);
  }
  await sql.query('analyze');
  return ids;
}

async function call<T>(base: string, path: string, body: unknown, cookie?: string) {
  const res = await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ json: body }) });
  const json = (await res.json()) as { result?: { data: { json: T } } };
  return { data: json.result?.data.json, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

const get = (path: string, input?: unknown) => `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;

async function load(url: string, connections: number, cookie: string | undefined, pids: Record<string, number>) {
  const h = histogram();
  const cpu = cpuWatch(pids);
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, headers: { origin, ...(cookie ? { cookie } : {}) } }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status === 200) recordMs(h, ms);
      else errors += 1;
    });
  });
  return { connections, requestsPerSecond: Math.round(result.requests.average), latency: percentiles(h), errors: errors + result.errors + result.timeouts, cpu: cpu() };
}

async function main() {
  const database = await createTestDatabase('bench_read');
  const migrated = await openDatabase({ databaseUrl: database.url, migrate: true });
  await migrated.close();
  const sql = new pg.Pool({ connectionString: database.url, max: 4 });
  sql.on('error', () => {});
  const ids = await seed(sql);
  const secret = `whsec_${randomBytes(8).toString('hex')}`;
  const port = await freePort();
  const stripe = await startStripe(`http://127.0.0.1:${port}/webhooks/stripe`, secret);
  const api = await startApi({ DATABASE_URL: database.url, REDIS_PREFIX: `mdbench_${randomBytes(3).toString('hex')}`, ALLOWED_ORIGINS: origin, STRIPE_SECRET_KEY: 'sk_test_bench', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stripe.url, WORKER_IN_PROCESS: 'true', DB_POOL_MAX: '20', LOG_LEVEL: 'error', ...benchLimits }, port);
  // A buyer with 20 real orders (checkout + payment through the API and the local Stripe server).
  const buyer = (await call(api.url, 'auth.register', { email: `reader-${randomBytes(3).toString('hex')}@bench.test`, password: 'correct horse battery', displayName: 'Reader' })).cookie!;
  const address = { name: 'Bench Reader', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
  for (let i = 0; i < 20; i++) {
    const listingId = ids[i * 7]!;
    const price = (await sql.query(`select price_minor from listings where id = $1`, [listingId])).rows[0].price_minor as number;
    const started = await call<{ checkoutId: string }>(api.url, 'checkout.start', { idempotencyKey: randomUUID(), address, lines: [{ listingId, quantity: 1, priceMinor: price }] }, buyer);
    if (started.data) await call(api.url, 'checkout.payWithTestCard', { checkoutId: started.data.checkoutId, card: 'visa', idempotencyKey: randomUUID() }, buyer);
  }
  const cases = [
    { name: 'floor: auth.me, no session', path: get('auth.me'), cookie: undefined },
    { name: 'catalog.search "coltrane"', path: get('catalog.search', { q: 'coltrane' }), cookie: undefined },
    { name: 'catalog.search facets+sort', path: get('catalog.search', { q: 'river', conditions: ['VG+'], sort: 'price_asc' }), cookie: undefined },
    { name: 'orders.mine (20 orders)', path: get('orders.mine', { limit: 50 }), cookie: buyer },
  ];
  const pids = { api: api.child.pid!, generator: process.pid };
  const rows = [];
  for (const c of cases) await load(`${api.url}${c.path}`, 10, c.cookie, pids); // warm-up
  for (const connections of connectionsList) {
    const floor = await load(`${api.url}${cases[0]!.path}`, connections, undefined, pids);
    rows.push({ name: cases[0]!.name, ...floor });
    for (const c of cases.slice(1)) {
      const r = await load(`${api.url}${c.path}`, connections, c.cookie, pids);
      rows.push({ name: c.name, ...r, p95OverFloor: ratio(r.latency.p95, floor.latency.p95), floorRpsOverThis: ratio(floor.requestsPerSecond, r.requestsPerSecond) });
    }
  }
  await api.stop();
  await stripe.stop();
  await sql.end();
  await database.drop();
  console.log(`${listings} listings; ${seconds} s per cell; autocannon closed-loop; latency from every 200 response`);
  console.log(`  ${'case'.padEnd(30)} conns    req/s   p50 / p95 / p99 / max ms       ×floor p95  errors  CPU api/generator`);
  for (const r of rows) console.log(`  ${r.name.padEnd(30)} ${String(r.connections).padStart(5)} ${String(r.requestsPerSecond).padStart(8)}   ${fmt(r.latency).padEnd(28)} ${'p95OverFloor' in r ? `×${r.p95OverFloor}`.padStart(8) : '       —'}  ${String(r.errors).padStart(6)}  ${r.cpu.api}% / ${r.cpu.generator}%`);
  writeResults('api-read', { listings, seconds, results: rows });
}

await main();
process.exit(0);
