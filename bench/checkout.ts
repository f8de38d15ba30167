// Checkout throughput: concurrent buyers run the whole purchase through the HTTP API —
// checkout.start (stock reservation, order) then checkout.payWithTestCard (payment captured by the
// local Stripe-compatible server, ledger transfer into escrow, outbox events) — against a small
// stock (most buyers must be refused cleanly) and a large one. Zero oversell is checked at the end
// from the database. Floor: a plain `pg` script running the equivalent SQL transaction (conditional
// stock decrement, order, payment, three balanced postings with account row locks, outbox row) at
// the same concurrency. The API and Stripe run as their own processes; CPU is printed for each.
//
//   npx tsx bench/checkout.ts      BENCH_CHECKOUTS=240 BENCH_CONCURRENCY=16 BENCH_SMALL_STOCK=40
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '@marketdesk/db';
import { createTestDatabase } from '../tests/fixtures/test-database.js';
import { cpuWatch, fmt, histogram, percentiles, ratio, recordMs, writeResults } from './lib/measure.js';
import { benchLimits, freePort, startApi, startStripe } from './lib/processes.js';

const attempts = Number(process.env.BENCH_CHECKOUTS ?? 240);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const smallStock = Number(process.env.BENCH_SMALL_STOCK ?? 40);
const largeStock = 1_000_000;
const origin = 'http://localhost:5174';
const address = { name: 'Bench Buyer', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

async function call<T>(base: string, path: string, body: unknown, cookie?: string): Promise<{ status: number; data?: T; cookie?: string }> {
  const res = await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ json: body }) });
  const json = (await res.json()) as { result?: { data: { json: T } } };
  return { status: res.status, data: json.result?.data.json, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

/** Runs `total` attempts over `concurrency` loops; each returns whether it sold. */
async function pool(total: number, attempt: (i: number, worker: number) => Promise<boolean>) {
  const h = histogram();
  let next = 0;
  let sold = 0;
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        if (await attempt(i, worker)) {
          sold += 1;
          recordMs(h, performance.now() - t0);
        } else refused += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { sold, refused, seconds: +seconds.toFixed(2), ordersPerSecond: +(sold / seconds).toFixed(1), attemptsPerSecond: +(total / seconds).toFixed(1), latency: percentiles(h) };
}

async function main() {
  const database = await createTestDatabase('bench_checkout');
  const migrated = await openDatabase({ databaseUrl: database.url, migrate: true });
  await migrated.close();
  const sql = new pg.Pool({ connectionString: database.url, max: concurrency + 2 });
  sql.on('error', () => {}); // idle clients cut when the database is dropped at the end
  const sellerId = randomUUID();
  const categoryId = randomUUID();
  await sql.query(`insert into users (id, email, password_hash, display_name, roles, version, created_at, updated_at) values ($1, 'seller@bench.test', 'x', 'Bench Seller', '{seller}', 1, now(), now())`, [sellerId]);
  await sql.query(`insert into categories (id, slug, name, position) values ($1, 'bench', 'Bench', 0)`, [categoryId]);
  const listing = async (slug: string, quantity: number) => {
    const id = randomUUID();
    await sql.query(
      `insert into listings (id, seller_id, category_id, slug, title, description, attributes, condition, price_minor, currency, quantity, shipping_minor, delivery_sla_days, state, version, published_at, created_at, updated_at)
       values ($1, $2, $3, $4, $5, 'bench', '{"artist":"Bench"}', 'NM', 2500, 'EUR', $6, 495, 3, 'active', 1, now(), now(), now())`,
      [id, sellerId, categoryId, slug, `Bench ${slug}`, quantity],
    );
    return id;
  };
  const small = await listing('small-stock', smallStock);
  const large = await listing('large-stock', largeStock);

  const secret = `whsec_${randomBytes(8).toString('hex')}`;
  const apiPort = await freePort();
  const stripe = await startStripe(`http://127.0.0.1:${apiPort}/webhooks/stripe`, secret);
  const api = await startApi(
    { DATABASE_URL: database.url, REDIS_PREFIX: `mdbench_${randomBytes(3).toString('hex')}`, ALLOWED_ORIGINS: origin, STRIPE_SECRET_KEY: 'sk_test_bench', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stripe.url, WORKER_IN_PROCESS: 'true', DB_POOL_MAX: String(concurrency + 4), LOG_LEVEL: 'error', ...benchLimits },
    apiPort,
  );
  const buyers: string[] = [];
  for (let i = 0; i < concurrency; i++) buyers.push((await call(api.url, 'auth.register', { email: `buyer-${i}-${randomBytes(3).toString('hex')}@bench.test`, password: 'correct horse battery', displayName: `Buyer ${i}` })).cookie!);

  const buy = (listingId: string) => async (_i: number, worker: number) => {
    const cookie = buyers[worker]!;
    const started = await call<{ checkoutId: string }>(api.url, 'checkout.start', { idempotencyKey: randomUUID(), address, lines: [{ listingId, quantity: 1, priceMinor: 2500 }] }, cookie);
    if (!started.data) return false; // sold out: refused before payment
    const paid = await call<{ status: string }>(api.url, 'checkout.payWithTestCard', { checkoutId: started.data.checkoutId, card: 'visa', idempotencyKey: randomUUID() }, cookie);
    return paid.data?.status === 'paid';
  };
  const pids = { api: api.child.pid!, stripe: stripe.child.pid!, generator: process.pid };
  await pool(concurrency * 2, buy(large)); // warm-up: JIT, pools, plans
  let cpu = cpuWatch(pids);
  const smallRun = { ...(await pool(attempts, buy(small))), cpu: cpu() };
  cpu = cpuWatch(pids);
  const largeRun = { ...(await pool(attempts, buy(large))), cpu: cpu() };

  // Zero oversell: paid units never exceed the stock, and the stock never goes negative.
  const sold = async (id: string) => (await sql.query(`select coalesce(sum(oi.quantity), 0)::int as n from order_items oi join orders o on o.id = oi.order_id where oi.listing_id = $1 and o.state = 'paid'`, [id])).rows[0].n as number;
  const left = async (id: string) => (await sql.query(`select quantity from listings where id = $1`, [id])).rows[0].quantity as number;
  const smallSold = await sold(small);
  const oversell = { smallStock, smallSold, smallLeft: await left(small), ok: smallSold <= smallStock && (await left(small)) >= 0 && smallRun.sold === smallSold };
  const ledger = (await sql.query(`select sum(debits_posted_minor) = sum(credits_posted_minor) as ok from ledger_accounts`)).rows[0].ok as boolean;
  await api.stop();
  await stripe.stop();

  // Floor: the same transaction shape in plain SQL over one pg pool.
  await sql.query(`create table floor_stock (id text primary key, quantity int not null); create table floor_orders (id uuid primary key, buyer int, listing text, amount_minor int); create table floor_payments (order_id uuid primary key, amount_minor int, status text);
    create table floor_accounts (code text primary key, balance_minor bigint not null default 0); create table floor_postings (id bigserial primary key, order_id uuid, account text, amount_minor bigint); create table floor_outbox (id bigserial primary key, stream text, name text, payload jsonb, published_at timestamptz);
    insert into floor_stock values ('small', ${smallStock}), ('large', ${largeStock}); insert into floor_accounts (code) values ('clearing'), ('escrow'), ('fees')`);
  const floorBuy = (stock: string) => async (_i: number, worker: number) => {
    const c = await sql.connect();
    try {
      await c.query('begin');
      const took = await c.query(`update floor_stock set quantity = quantity - 1 where id = $1 and quantity >= 1 returning quantity`, [stock]);
      if (!took.rowCount) {
        await c.query('rollback');
        return false;
      }
      const orderId = randomUUID();
      await c.query(`insert into floor_orders values ($1, $2, $3, 2995)`, [orderId, worker, stock]);
      await c.query(`insert into floor_payments values ($1, 2995, 'captured')`, [orderId]);
      await c.query(`select code from floor_accounts where code in ('clearing', 'escrow', 'fees') order by code for update`);
      for (const [account, amount] of [['clearing', 2995], ['escrow', -2695], ['fees', -300]] as const) {
        await c.query(`update floor_accounts set balance_minor = balance_minor + $2 where code = $1`, [account, amount]);
        await c.query(`insert into floor_postings (order_id, account, amount_minor) values ($1, $2, $3)`, [orderId, account, amount]);
      }
      await c.query(`insert into floor_outbox (stream, name, payload) values ($1, 'order.paid', $2)`, [`order:${orderId}`, JSON.stringify({ orderId })]);
      await c.query('commit');
      return true;
    } finally {
      c.release();
    }
  };
  const floorSmall = await pool(attempts, floorBuy('small'));
  const floorLarge = await pool(attempts, floorBuy('large'));
  await sql.end();
  await database.drop();

  console.log(`${attempts} checkout attempts per run, ${concurrency} concurrent buyers; payments through the local Stripe-compatible server`);
  const line = (label: string, r: typeof smallRun, f: typeof floorSmall) =>
    console.log(`  ${label.padEnd(22)} ${String(r.sold).padStart(5)} sold ${String(r.refused).padStart(4)} refused  ${r.ordersPerSecond.toFixed(1).padStart(6)} orders/s  p50/p95/p99/max ${fmt(r.latency)} ms   floor ${f.ordersPerSecond.toFixed(1)} orders/s (p95 ${f.latency.p95} ms) → API is ×${ratio(f.ordersPerSecond, r.ordersPerSecond)} slower  CPU api ${r.cpu.api}% stripe ${r.cpu.stripe}% generator ${r.cpu.generator}%`);
  line(`small stock (${smallStock})`, smallRun, floorSmall);
  line(`large stock`, largeRun, floorLarge);
  console.log(`  oversell check: ${smallSold} paid units for a stock of ${smallStock}, ${oversell.smallLeft} left → ${oversell.ok ? 'zero oversell ✔' : 'OVERSOLD ✖'}; ledger balanced: ${ledger}`);
  writeResults('checkout', { attempts, concurrency, smallStock, small: smallRun, large: largeRun, floor: { small: floorSmall, large: floorLarge }, oversell, ledgerBalanced: ledger, floorOverApi: { small: ratio(floorSmall.ordersPerSecond, smallRun.ordersPerSecond), large: ratio(floorLarge.ordersPerSecond, largeRun.ordersPerSecond) } });
  if (!oversell.ok || !ledger) process.exit(1);
}

await main();
process.exit(0);
