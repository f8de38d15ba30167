// Races around paying one checkout: two confirmations at once (a double click, two tabs) and two
// settlers at once (the synchronous confirmation and the provider's webhook), including a settler
// whose order write loses a version race. Losers get a conflict naming the checkout's state, never
// a 5xx, and nothing is published for a change that did not happen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { settleCheckoutPayment } from '../src/services/checkout/settle-payment.js';
import { address, createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, registerUser, startApi, type RunningApi } from './harness.js';

let stripe: StripeServer;
let api: RunningApi;
let seller: Person;
let admin: Person;
let categoryId: string;

beforeAll(async () => {
  // No webhook endpoint: the tests decide who settles, and when.
  stripe = await startStripeServer({ port: 0 });
  api = await startApi({ STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: 'whsec_races', STRIPE_API_BASE: stripe.url });
  seller = await registerUser(api, { roles: ['seller', 'buyer'] });
  admin = await registerUser(api, { roles: ['admin'] });
  categoryId = (await createCategory(api)).id;
});

afterAll(async () => {
  await api?.close();
  await stripe?.close();
});

const sql = (q: string, p: unknown[] = []) => api.app.db.orm.em.fork().getConnection().execute(q, p) as Promise<Record<string, unknown>[]>;

async function startCheckout() {
  const buyer = await registerUser(api);
  const listing = await createLiveListing(api, seller, admin, { categoryId, title: `Race ${key()}`, priceMinor: 2500, quantity: 1 });
  const started = await client(api).checkout.start.mutate({ idempotencyKey: key(), address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 2500 }] }, { cookie: buyer.cookie });
  const [row] = await sql('select provider_payment_id, total_minor, currency from checkouts where id = ?', [started.data!.checkoutId]);
  return { buyer, checkoutId: started.data!.checkoutId, orderId: started.data!.orders[0]!.id, payment: { providerPaymentId: row!.provider_payment_id as string, amountMinor: Number(row!.total_minor), currency: row!.currency as string } };
}

const paidEvents = async (orderId: string) => (await sql(`select count(*)::int as n from outbox_events where name = 'order.paid' and payload->>'orderId' = ?`, [orderId]))[0]!.n;

describe('paying one checkout twice at once', () => {
  it('answers the losers with a conflict and the checkout state, never a 5xx', async () => {
    const { buyer, checkoutId, orderId } = await startCheckout();
    const attempts = await Promise.all(Array.from({ length: 4 }, () => client(api).checkout.payWithTestCard.mutate({ checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie })));
    expect(attempts.map((a) => a.status).filter((s) => s >= 500)).toEqual([]);
    expect(attempts.filter((a) => a.data?.status === 'paid').length).toBeGreaterThanOrEqual(1);
    for (const lost of attempts.filter((a) => a.error)) {
      expect(lost.status).toBe(409);
      expect(lost.error?.data.code).toBe('CONFLICT');
      expect(lost.error?.data.details).toMatchObject({ reason: 'PAYMENT_IN_PROGRESS', state: expect.stringMatching(/^(awaiting_payment|paid)$/) });
    }
    const order = await client(api).orders.get.query({ id: orderId }, { cookie: buyer.cookie });
    expect(order.data?.state).toBe('paid');
    expect(await paidEvents(orderId)).toBe(1);
  });
});

describe('two settlers of one payment', () => {
  it('settle once: one order.paid, one capture', async () => {
    const { checkoutId, orderId, payment } = await startCheckout();
    const gateway = api.app.services.gateway!;
    await gateway.confirmTestPayment({ providerPaymentId: payment.providerPaymentId, card: 'visa', idempotencyKey: key() });
    const outcomes = await Promise.all([settleCheckoutPayment(api.app.db.orm.em.fork(), gateway, payment, new Date()), settleCheckoutPayment(api.app.db.orm.em.fork(), gateway, payment, new Date())]);
    expect(outcomes.sort()).toEqual(['already_paid', 'paid']);
    expect(await paidEvents(orderId)).toBe(1);
    expect(await sql(`select state from checkouts where id = ?`, [checkoutId])).toEqual([{ state: 'paid' }]);
    expect((await sql(`select count(*)::int as n from ledger_transfers where code = 'payment_captured' and strpos(body::text, ?) > 0`, [orderId]))[0]!.n).toBe(1);
  });

  it('a settler whose order write lost a version race publishes nothing for it and settles again', async () => {
    const { orderId, payment } = await startCheckout();
    const gateway = api.app.services.gateway!;
    await gateway.confirmTestPayment({ providerPaymentId: payment.providerPaymentId, card: 'visa', idempotencyKey: key() });
    // Another writer holds the order row; the settler's versioned update waits on it, then finds the
    // version moved on — exactly the lost race, made deterministic.
    const other = new pg.Client({ connectionString: api.app.services.config.DATABASE_URL });
    await other.connect();
    try {
      await other.query('begin');
      // NO KEY UPDATE: foreign-key checks on the order pass; only an update of the row itself waits.
      const { rows } = await other.query<{ version: number }>('select version from orders where id = $1 for no key update', [orderId]);
      const otherPid = (await other.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      const settling = settleCheckoutPayment(api.app.db.orm.em.fork(), gateway, payment, new Date());
      let blocked = false;
      for (let i = 0; i < 200 && !blocked; i += 1) {
        blocked = ((await other.query('select 1 from pg_stat_activity where $1 = any(pg_blocking_pids(pid))', [otherPid])).rowCount ?? 0) > 0;
        if (!blocked) await new Promise((r) => setTimeout(r, 25));
      }
      expect(blocked, 'the settler waits on the order row').toBe(true);
      await other.query('update orders set version = version + 1 where id = $1', [orderId]);
      await other.query('commit');
      expect(await settling).toBe('paid');
      const [order] = await sql('select state, version from orders where id = ?', [orderId]);
      expect(order).toEqual({ state: 'paid', version: rows[0]!.version + 2 });
      expect(await paidEvents(orderId)).toBe(1);
    } finally {
      await other.end();
    }
  });
});
