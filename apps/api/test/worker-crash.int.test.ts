// A worker killed with SIGKILL in the middle of the auto-complete job, then restarted: the order
// completes exactly once and escrow is released exactly once. The job is held "mid-job" by a row
// lock the test takes on the order, so the kill lands while the job's transaction is open.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { reconcileLedger } from '../src/services/ledger/reconcile-ledger.js';
import { address, createCategory, createLiveListing, key } from './catalog-fixtures.js';
import { client, registerUser, startApi, until, type RunningApi } from './harness.js';

const secret = 'whsec_crash';
const prefix = `mdcrash_${randomBytes(3).toString('hex')}`;
const env = { STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: secret, REDIS_PREFIX: prefix, AUTO_COMPLETE_DAYS: String(3 / 86_400), JOB_LOCK_MS: '1500' };
let stripe: StripeServer;
let api: RunningApi;
const workers: ChildProcess[] = [];

function startWorker(): ChildProcess {
  // One process (node with tsx's loader, not the tsx wrapper), so SIGKILL hits the worker itself.
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../src/worker.ts', import.meta.url))], {
    env: { ...process.env, ...env, STRIPE_API_BASE: stripe.url, DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    // Not inherited: a killed test run must not leave a child holding the runner's output open.
    stdio: 'ignore',
    detached: false,
  });
  workers.push(child);
  return child;
}


beforeAll(async () => {
  stripe = await startStripeServer({ port: 0 });
  api = await startApi({ ...env, STRIPE_API_BASE: stripe.url });
});
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
  await api.close();
  await stripe.close();
});

it('completes a delivered order once when the worker is killed mid-job and restarted', async () => {
  const [seller, admin, buyer] = await Promise.all([registerUser(api, { roles: ['seller'] }), registerUser(api, { roles: ['admin'] }), registerUser(api)]);
  const l = await createLiveListing(api, seller, admin, { categoryId: (await createCategory(api)).id, title: `Crash test ${key()}`, priceMinor: 2000, quantity: 1 });
  const s = await client(api).checkout.start.mutate({ idempotencyKey: key(), address, lines: [{ listingId: l.id, quantity: 1, priceMinor: 2000 }] }, { cookie: buyer.cookie });
  await client(api).checkout.payWithTestCard.mutate({ checkoutId: s.data!.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie });
  const orderId = s.data!.orders[0]!.id;
  const version = async () => (await client(api).orders.get.query({ id: orderId }, { cookie: seller.cookie })).data!;

  // Hold the order row so the job blocks inside its transaction once it starts.
  const lock = new pg.Client({ connectionString: inject('databaseUrl') });
  await lock.connect();
  const shipped = await client(api).orders.ship.mutate({ id: orderId, version: (await version()).version, carrier: 'dpd', trackingNumber: '01234567890123' }, { cookie: seller.cookie });
  await client(api).orders.markDelivered.mutate({ id: orderId, version: shipped.data!.version }, { cookie: buyer.cookie });
  await lock.query('begin');
  await lock.query('select id from orders where id = $1 for update', [orderId]);
  await api.app.relay.drain(); // the delayed timer job is in Redis now

  const first = startWorker();
  const ordersQueue = api.app.queues.queue('orders');
  expect(await until(() => ordersQueue.getActiveCount(), (n) => n > 0)).toBeGreaterThan(0);
  first.kill('SIGKILL');
  await new Promise((r) => first.once('exit', r));
  await lock.query('commit');
  await lock.end();
  expect((await version()).state).toBe('delivered'); // the killed job's transaction never committed

  startWorker();
  expect((await until(version, (o) => o.state === 'completed')).state).toBe('completed');
  await new Promise((r) => setTimeout(r, 2000)); // any duplicate run would have happened by now
  const conn = api.app.db.orm.em.fork().getConnection();
  expect(await conn.execute(`select 1 from outbox_events where stream = ? and name = 'order.completed'`, [`order:${orderId}`])).toHaveLength(1);
  expect(await conn.execute(`select status from ledger_transfers where id = ?`, [`order:${orderId}:hold:release`])).toEqual([{ status: 'applied' }]);
  expect((await reconcileLedger(api.app.db.orm.em.fork())).balanced).toBe(true);
}, 60_000);
