// The demo on a fresh database: the cast and catalogue (db/src/seeds), then open work in every staff
// queue made through the procedures (src/demo/demo-queues.ts), so a newcomer sees each queue
// working — with the ledger balanced. Its own database: the demo cast must not meet other suites.
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, seedDemo, demoPassword } from '@marketdesk/db';
import { queueNames } from '@marketdesk/domain';
import { createTestDatabase } from '../../../tests/fixtures/test-database.js';
import { seedDemoQueues, type DemoQueuesResult } from '../src/demo/demo-queues.js';
import { hashPassword } from '../src/services/auth/passwords.js';
import { reconcileLedger } from '../src/services/ledger/reconcile-ledger.js';
import { supportSla } from '../src/services/sla/support-calendar.js';
import { client, until } from './harness.js';
import { startApiWithPayments } from './payments-harness.js';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let stack: Awaited<ReturnType<typeof startApiWithPayments>>;
let made: DemoQueuesResult;
const warnings: Error[] = [];
beforeAll(async () => {
  process.on('warning', (w) => warnings.push(w));
  database = await createTestDatabase('demo');
  await (await openDatabase({ databaseUrl: database.url, migrate: true })).close();
  stack = await startApiWithPayments({ DATABASE_URL: database.url, REDIS_PREFIX: `mddemo_${Date.now().toString(36)}` });
  const { app } = stack.api;
  expect((await seedDemo(app.db.orm.em.fork(), hashPassword, supportSla().calendar)).seeded).toBe(true);
  made = await seedDemoQueues(app.services, app.log as unknown as FastifyBaseLogger);
}, 120_000);
afterAll(async () => {
  await stack?.close();
  await database?.drop();
});

const signIn = async (email: string) => (await client(stack.api).auth.login.mutate({ email, password: demoPassword })).setCookie!;

describe('the demo', () => {
  it('fills every staff queue', async () => {
    expect(made.skipped).toEqual([]);
    const admin = await signIn('admin@marketdesk.test');
    const overview = await until(
      async () => (await client(stack.api).queues.overview.query(undefined, { cookie: admin })).data ?? [],
      (rows) => rows.every((r) => r.open > 0),
    );
    expect(overview.map((r) => r.queue).sort()).toEqual([...queueNames].sort());
    const open = Object.fromEntries(overview.map((r) => [r.queue, r.open]));
    expect(open).toEqual({ submissions: 2, listings: 2, kyc: 1, fraud: 1, payouts: 1, disputes: 2 });
  });

  it('ran every step without a driver warning (risk checks queued queries on one connection)', () => {
    expect(warnings.filter((w) => w.name === 'DeprecationWarning').map((w) => w.message)).toEqual([]);
  });

  it('moved the money as the app does: the seller who sold can withdraw, and the books balance', async () => {
    const seller = await signIn('seller2@marketdesk.test');
    const mine = (await client(stack.api).payouts.mine.query(undefined, { cookie: seller })).data!;
    expect(mine.payouts).toMatchObject([{ state: 'requested', amountMinor: 5000 }]);
    expect(mine.balance.reservedMinor).toBe(5000);
    expect((await reconcileLedger(stack.api.app.db.orm.em.fork())).balanced).toBe(true);
  });
});
