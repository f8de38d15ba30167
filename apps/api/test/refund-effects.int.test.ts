// Refunds are effects (src/services/payments/refund-effect.ts): the move that promises one commits
// with its money in the ledger and the refund in the outbox; the worker sends it to the provider
// afterwards, retried with backoff through BullMQ. A provider outage never undoes or blocks the
// move, never refunds twice, and is visible on the order's timeline when the worker gives up.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptJob } from '../src/jobs/job-definition.js';
import { createJobContext } from '../src/jobs/job-context.js';
import { sendRefundJob } from '../src/jobs/payments/send-refund.js';
import { parseJobPayload } from '../src/jobs/job-types.js';
import { reconcileLedger } from '../src/services/ledger/reconcile-ledger.js';
import { createCategory, type Person } from './catalog-fixtures.js';
import { client, registerUser, startApi, until } from './harness.js';
import { buyWithTestCard, providerRefunds, startApiWithPayments } from './payments-harness.js';

let env: Awaited<ReturnType<typeof startApiWithPayments>>;
let seller: Person;
let buyer: Person;
let admin: Person;
let categoryId: string;

beforeAll(async () => {
  // No worker in this process: the test runs the refund job's attempts itself, one at a time.
  env = await startApiWithPayments();
  [seller, buyer, admin] = await Promise.all([registerUser(env.api, { roles: ['seller', 'buyer'] }), registerUser(env.api), registerUser(env.api, { roles: ['admin'] })]);
  categoryId = (await createCategory(env.api)).id;
});
afterAll(async () => env?.close());

const jobContext = () => createJobContext(env.api.app.services.config, env.api.app.db, pino({ level: 'silent' }), env.api.app.gateway);
const timeline = async (orderId: string, who: Person) => (await client(env.api).orders.get.query({ id: orderId }, { cookie: who.cookie })).data!.timeline;
const hold = async (orderId: string) =>
  ((await env.api.app.db.orm.em.fork().getConnection().execute(`select status from ledger_transfers where id = ?`, [`order:${orderId}:hold`])) as { status: string }[])[0]!.status;

/** The refund the cancellation queued in BullMQ (relayed from the outbox after commit), with its retry policy. */
async function queuedRefund(orderId: string) {
  const payments = env.api.app.queues.queue('payments');
  return until(
    async () => (await payments.getJobs(['waiting', 'delayed', 'prioritized'])).find((j) => j.name === 'payments.refund' && (j.data as { orderId?: string }).orderId === orderId),
    (job) => job !== undefined,
  );
}

describe('a refund the provider cannot take right now', () => {
  it('leaves the cancellation and the books consistent, and is sent exactly once when the provider answers', async () => {
    const { order } = await buyWithTestCard(env.api, { buyer, seller, reviewer: admin }, { categoryId, priceMinor: 3100 });
    env.stripe.failPath('/v1/refunds');
    try {
      const cancelled = await client(env.api).orders.cancel.mutate({ id: order.id, version: order.version, reason: 'Ordered the wrong pressing' }, { cookie: buyer.cookie });
      expect(cancelled.error).toBeUndefined();
      expect(cancelled.data?.state).toBe('cancelled');

      // The move committed whole: escrow voided, books balanced, whatever the provider does next.
      expect(await hold(order.id)).toBe('voided');
      expect((await reconcileLedger(env.api.app.db.orm.em.fork())).balanced).toBe(true);

      // It waits in BullMQ with a day of exponential backoff; the payload is what the worker gets.
      const job = (await queuedRefund(order.id))!;
      expect(job.opts).toMatchObject({ attempts: 14, backoff: { type: 'exponential', delay: 10_000 } });
      const data = parseJobPayload('payments.refund', job.data);
      expect(data).toMatchObject({ orderId: order.id, amountMinor: order.totalMinor, idempotencyKey: `order-cancel-${order.id}` });

      // The provider is down: the attempt fails (to be retried), nothing is refunded, nothing else changes.
      await expect(attemptJob(sendRefundJob, jobContext(), data, { attemptsMade: 0, attempts: 14 })).rejects.toThrow();
      expect((await providerRefunds(env.stripe)).filter((r) => r.amount === order.totalMinor)).toHaveLength(0);
      expect((await timeline(order.id, admin)).map((e) => e.kind)).not.toContain('order.refund_failed');
      expect((await reconcileLedger(env.api.app.db.orm.em.fork())).balanced).toBe(true);
    } finally {
      env.stripe.failPath(null);
    }

    // The provider answers again: the next attempt refunds; a duplicate delivery refunds nothing more.
    const data = parseJobPayload('payments.refund', (await queuedRefund(order.id))!.data);
    await attemptJob(sendRefundJob, jobContext(), data, { attemptsMade: 1, attempts: 14 });
    await attemptJob(sendRefundJob, jobContext(), data, { attemptsMade: 0, attempts: 14 });
    expect((await providerRefunds(env.stripe)).filter((r) => r.amount === order.totalMinor)).toHaveLength(1);
    expect((await client(env.api).orders.cancel.mutate({ id: order.id, version: order.version, reason: 'Twice' }, { cookie: buyer.cookie })).error?.data.code).toBe('CONFLICT');
    expect((await reconcileLedger(env.api.app.db.orm.em.fork())).balanced).toBe(true);
  });

  it('goes on the timeline when the last attempt fails: staff see why, the buyer that it is delayed', async () => {
    const { order } = await buyWithTestCard(env.api, { buyer, seller, reviewer: admin }, { categoryId, priceMinor: 3300 });
    env.stripe.failPath('/v1/refunds');
    try {
      await client(env.api).orders.cancel.mutate({ id: order.id, version: order.version, reason: 'Changed my mind' }, { cookie: buyer.cookie });
      const data = parseJobPayload('payments.refund', (await queuedRefund(order.id))!.data);
      await expect(attemptJob(sendRefundJob, jobContext(), data, { attemptsMade: 13, attempts: 14 })).rejects.toThrow();
    } finally {
      env.stripe.failPath(null);
    }
    const staff = (await timeline(order.id, admin)).find((e) => e.kind === 'order.refund_failed');
    expect(staff).toMatchObject({ title: 'Refund failed at the payment provider', tone: 'bad' });
    expect(staff?.detail).toMatch(/^The refund of €\d+\.\d\d was not taken: still failing after every retry/);
    expect((await timeline(order.id, buyer)).find((e) => e.kind === 'order.refund_failed')).toMatchObject({ title: 'Your refund is delayed' });
    expect((await timeline(order.id, seller)).map((e) => e.kind)).not.toContain('order.refund_failed');
  });

  it('is refused before anything moves when payments are not configured (the one guard)', async () => {
    const { order } = await buyWithTestCard(env.api, { buyer, seller, reviewer: admin }, { categoryId, priceMinor: 3500 });
    // The same API with payments switched off: the cancellation would promise a refund nobody can send.
    const unpaid = await startApi({ STRIPE_SECRET_KEY: '' });
    try {
      const refused = await client(unpaid).orders.cancel.mutate({ id: order.id, version: order.version, reason: 'No payments' }, { cookie: buyer.cookie });
      expect(refused.error?.data.code).toBe('SERVICE_UNAVAILABLE');
      expect(refused.error?.message).toBe('Refunds are not possible right now: payments are not configured.');
      expect((await client(env.api).orders.get.query({ id: order.id }, { cookie: buyer.cookie })).data).toMatchObject({ state: 'paid', version: order.version });
    } finally {
      await unpaid.close();
    }
  });
});
