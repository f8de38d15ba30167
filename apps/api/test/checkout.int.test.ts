// Checkout end to end against real PostgreSQL, Redis and the local Stripe-compatible server driven
// by the real SDK: reservation under concurrency, idempotency, payment success and failure,
// webhook duplicates and disorder, reservation expiry, and the ledger afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { expireCheckout } from '../src/services/checkout/end-checkout.js';
import { reconcileLedger } from '../src/services/ledger/reconcile-ledger.js';
import { address, createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, registerUser, startApi, until, type CallResult, type RunningApi } from './harness.js';

const secret = 'whsec_checkouttest';
let stripe: StripeServer;
let api: RunningApi;
let seller: Person;
let seller2: Person;
let admin: Person;
let categoryId: string;

beforeAll(async () => {
  stripe = await startStripeServer({ port: 0 });
  api = await startApi({ STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stripe.url, WORKER_IN_PROCESS: 'true', DB_POOL_MAX: '20' });
  stripe.setWebhook({ url: `${api.baseUrl}/webhooks/stripe`, secret });
  [seller, seller2, admin] = await Promise.all([registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Groove' }), registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Vault' }), registerUser(api, { roles: ['admin'] })]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  await api.close();
  await stripe.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRow = Record<string, any>;
const rows = async (sql: string, params: unknown[] = []) => (await api.app.db.orm.em.fork().getConnection().execute(sql, params)) as AnyRow[];
const one = async (sql: string, params: unknown[] = []) => (await rows(sql, params))[0] ?? {};
const stockOf = async (id: string) => Number((await one(`select quantity from listings where id = ?`, [id])).quantity);
const listingState = async (id: string) => (await one(`select state from listings where id = ?`, [id])).state as string;
const checkoutState = async (id: string) => (await one(`select state from checkouts where id = ?`, [id])).state as string;



async function start(buyer: Person, lines: { listingId: string; quantity: number; priceMinor: number }[], idempotencyKey = key()) {
  return client(api).checkout.start.mutate({ idempotencyKey, address, lines }, { cookie: buyer.cookie });
}

describe('checkout', () => {
  it('sells exactly the stock when 50 buyers check out at once; the rest get a clear sold-out error', async () => {
    const listing = await createLiveListing(api, seller, admin, { categoryId, title: 'Rare pressing', priceMinor: 2000, quantity: 5 });
    const buyers = await Promise.all(Array.from({ length: 50 }, () => registerUser(api)));
    const results = await Promise.all(
      buyers.map(async (b) => {
        const started = await start(b, [{ listingId: listing.id, quantity: 1, priceMinor: 2000 }]);
        if (!started.data) return { started };
        const paid = await client(api).checkout.payWithTestCard.mutate({ checkoutId: started.data.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: b.cookie });
        return { started, paid };
      }),
    );
    const paid = results.filter((r) => r.paid?.data?.status === 'paid');
    const refused = results.filter((r) => !r.started.data);
    expect(paid).toHaveLength(5);
    expect(refused).toHaveLength(45);
    for (const r of refused) {
      expect(r.started.error?.data.code).toBe('CONFLICT');
      expect(r.started.error?.message).toMatch(/sold out/i);
    }
    expect(await stockOf(listing.id)).toBe(0);
    expect(await listingState(listing.id)).toBe('sold_out');
    const orders = await rows(`select o.state from orders o join order_items i on i.order_id = o.id where i.listing_id = ?`, [listing.id]);
    expect(orders.map((o) => o.state)).toEqual(Array(5).fill('paid'));
  }, 120_000);

  it('splits a two-seller cart into two paid orders, each held in escrow in the ledger', async () => {
    const a = await createLiveListing(api, seller, admin, { categoryId, title: 'Abbey Road', priceMinor: 4500, quantity: 2, shippingMinor: 595 });
    const b = await createLiveListing(api, seller2, admin, { categoryId, title: 'Revolver', priceMinor: 3800, quantity: 1, shippingMinor: 495 });
    const buyer = await registerUser(api);
    const started = await start(buyer, [
      { listingId: a.id, quantity: 1, priceMinor: 4500 },
      { listingId: b.id, quantity: 1, priceMinor: 3800 },
    ]);
    expect(started.error).toBeUndefined();
    const s = started.data!;
    expect(s.orders).toHaveLength(2);
    // DE tax 19 % on items + shipping: (4500 + 595) × 1.19 + (3800 + 495) × 1.19, rounded per order.
    expect(s.totalMinor).toBe(Math.round(5095 * 1.19) + Math.round(4295 * 1.19));
    const paid = await client(api).checkout.payWithTestCard.mutate({ checkoutId: s.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie });
    expect(paid.data).toEqual({ status: 'paid' });

    const mine = await client(api).orders.mine.query(undefined, { cookie: buyer.cookie });
    expect(mine.data?.map((o) => o.state)).toEqual(['paid', 'paid']);
    const sellerView = await client(api).orders.selling.query(undefined, { cookie: seller2.cookie });
    expect(sellerView.data?.orders.map((o) => o.number)).toContain(s.orders.find((o) => o.sellerId === seller2.id)!.number);
    // The stream holds the payment, its two transfers and the placement; the buyer reads one entry.
    const detail = await client(api).orders.get.query({ id: s.orders[0]!.id }, { cookie: buyer.cookie });
    expect(detail.data?.timeline.map((e) => e.title)).toEqual(['Order placed and paid']);
    expect(detail.data?.timeline[0]?.money).toEqual({ amountMinor: s.orders[0]!.totalMinor, currency: 'EUR', move: 'paid' });
    expect(detail.data?.streamSeq).toBe(4);
    const stranger = await registerUser(api);
    expect((await client(api).orders.get.query({ id: s.orders[0]!.id }, { cookie: stranger.cookie })).error?.data.code).toBe('NOT_FOUND');

    for (const o of s.orders) {
      const capture = await one(`select amount_minor from ledger_postings where transfer_id = ? and account_code = 'platform:escrow'`, [`payment:${s.providerPaymentId}:${o.id}:capture`]);
      expect(Number(capture.amount_minor)).toBe(o.totalMinor);
      const hold = await one(`select status from ledger_transfers where id = ?`, [`order:${o.id}:hold`]);
      expect(hold.status).toBe('pending');
    }
  });

  it('replays the same Idempotency-Key with the same body and refuses it with another body', async () => {
    const l = await createLiveListing(api, seller, admin, { categoryId, title: 'Kind of Blue', priceMinor: 5500, quantity: 3 });
    const buyer = await registerUser(api);
    const k = key();
    const first = await start(buyer, [{ listingId: l.id, quantity: 1, priceMinor: 5500 }], k);
    const again = await start(buyer, [{ listingId: l.id, quantity: 1, priceMinor: 5500 }], k);
    expect(again.data?.checkoutId).toBe(first.data?.checkoutId);
    expect(await stockOf(l.id)).toBe(2);
    const other = await start(buyer, [{ listingId: l.id, quantity: 2, priceMinor: 5500 }], k);
    expect(other.error?.data.code).toBe('CONFLICT');
    expect(other.error?.message).toMatch(/Idempotency-Key/);
    const stale = await start(buyer, [{ listingId: l.id, quantity: 1, priceMinor: 5000 }]);
    expect(stale.error?.data.code).toBe('CONFLICT');
    expect(stale.error?.message).toMatch(/price .* changed/i);
    const bad = await client(api).checkout.start.mutate({ idempotencyKey: 'x', address: { ...address, country: 'Germany' }, lines: [] }, { cookie: buyer.cookie });
    expect(bad.error?.data.code).toBe('BAD_REQUEST');
    expect((bad.error?.data.zodIssues ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a destination that is not an ISO 3166-1 code or that we do not ship to, naming address.country, and places nothing', async () => {
    const l = await createLiveListing(api, seller, admin, { categoryId, title: 'Nowhere Man', priceMinor: 3000, quantity: 2 });
    const buyer = await registerUser(api);
    const lines = [{ listingId: l.id, quantity: 1, priceMinor: 3000 }];
    const notIso = '“XX” is not an ISO 3166-1 country code: choose a country such as DE';
    const notShipped = 'We do not ship to Japan yet (we ship to France, Germany, Netherlands, United Kingdom and United States)';
    const countryIssue = (error: CallResult['error']) => (error?.data.zodIssues as { path: string[]; message: string }[] | null)?.map((i) => ({ path: i.path.join('.'), message: i.message }));
    for (const [country, message] of [['XX', notIso], ['de', '“de” is not an ISO 3166-1 country code: choose a country such as DE'], ['JP', notShipped]] as const) {
      const started = await client(api).checkout.start.mutate({ idempotencyKey: key(), address: { ...address, country }, lines, saveAddress: true }, { cookie: buyer.cookie });
      expect(started.status).toBe(400);
      expect(started.error?.data.code).toBe('BAD_REQUEST');
      expect(countryIssue(started.error)).toEqual([{ path: 'address.country', message }]);
      expect(started.error?.message).toBe(`address.country: ${message}`);
    }
    const added = await client(api).addresses.add.mutate({ address: { ...address, country: 'XX' } }, { cookie: buyer.cookie });
    expect(added.error?.data.code).toBe('BAD_REQUEST');
    expect(countryIssue(added.error)).toEqual([{ path: 'address.country', message: notIso }]);
    const addedJp = await client(api).addresses.add.mutate({ address: { ...address, country: 'JP' } }, { cookie: buyer.cookie });
    expect(countryIssue(addedJp.error)).toEqual([{ path: 'address.country', message: notShipped }]);
    const priced = await client(api).cart.get.query({ country: 'JP' }, { cookie: buyer.cookie });
    expect(countryIssue(priced.error)).toEqual([{ path: 'country', message: notShipped }]);

    // An address saved before the check (straight into the table) is refused by the domain, never taxed at 0 %.
    await rows(`insert into addresses (id, user_id, name, line1, city, postal_code, country, is_default, created_at) values (gen_random_uuid(), ?, 'Old', 'Main St 1', 'Tokyo', '100', 'JP', true, now())`, [buyer.id]);
    const saved = (await client(api).addresses.list.query(undefined, { cookie: buyer.cookie })).data ?? [];
    expect(saved).toHaveLength(1);
    const fromSaved = await client(api).checkout.start.mutate({ idempotencyKey: key(), addressId: saved[0]!.id, lines }, { cookie: buyer.cookie });
    expect(fromSaved.error?.data.code).toBe('BAD_REQUEST');
    expect(fromSaved.error?.message).toBe(notShipped);
    expect(fromSaved.error?.data.details).toMatchObject({ refusal: 'UNSUPPORTED_COUNTRY' });

    expect((await one(`select count(*)::int n from checkouts where buyer_id = ?`, [buyer.id])).n).toBe(0);
    expect((await one(`select count(*)::int n from orders where buyer_id = ?`, [buyer.id])).n).toBe(0);
    expect(await stockOf(l.id)).toBe(2);
    // The same cart to Germany goes through, taxed at 19 %.
    const de = await start(buyer, lines);
    expect(de.data?.totalMinor).toBe(Math.round((3000 + 500) * 1.19));
  });

  it('releases the reservation when the payment fails', async () => {
    const l = await createLiveListing(api, seller, admin, { categoryId, title: 'A Love Supreme', priceMinor: 6200, quantity: 1 });
    const buyer = await registerUser(api);
    const s = (await start(buyer, [{ listingId: l.id, quantity: 1, priceMinor: 6200 }])).data!;
    expect(await stockOf(l.id)).toBe(0);
    const declined = await client(api).checkout.payWithTestCard.mutate({ checkoutId: s.checkoutId, card: 'declined', idempotencyKey: key() }, { cookie: buyer.cookie });
    expect(declined.data?.status).toBe('declined');
    expect(await stockOf(l.id)).toBe(1);
    expect(await checkoutState(s.checkoutId)).toBe('failed');
    const ledger = await one(`select count(*)::int n from ledger_transfers where id like ?`, [`order:${s.orders[0]!.id}%`]);
    expect(ledger.n).toBe(0);
  });

  it('returns stock when a reservation expires, and cancels its orders', async () => {
    const l = await createLiveListing(api, seller, admin, { categoryId, title: 'Time Out', priceMinor: 2800, quantity: 2 });
    const buyer = await registerUser(api);
    const s = (await start(buyer, [{ listingId: l.id, quantity: 2, priceMinor: 2800 }])).data!;
    expect(await stockOf(l.id)).toBe(0);
    const em = api.app.db.orm.em.fork();
    expect(await expireCheckout(em, s.checkoutId, new Date())).toBe('ignored'); // not due yet
    expect(await expireCheckout(em, s.checkoutId, new Date(Date.now() + 16 * 60_000))).toBe('expired');
    expect(await expireCheckout(em, s.checkoutId, new Date(Date.now() + 17 * 60_000))).toBe('ignored'); // the timer firing twice is harmless
    expect(await stockOf(l.id)).toBe(2);
    expect(await checkoutState(s.checkoutId)).toBe('expired');
    const order = await one(`select state from orders where id = ?`, [s.orders[0]!.id]);
    expect(order.state).toBe('cancelled');
    const closed = await client(api).checkout.payWithTestCard.mutate({ checkoutId: s.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie });
    expect(closed.error?.data.code).toBe('CONFLICT');
  });

  it('keeps a listing buyable while another checkout still holds its last unit, and sells it out when that one pays', async () => {
    const l = await createLiveListing(api, seller, admin, { categoryId, title: 'Pastel Blues', priceMinor: 3300, quantity: 2 });
    const [a, b, c] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
    const first = (await start(a, [{ listingId: l.id, quantity: 1, priceMinor: 3300 }])).data!;
    const second = (await start(b, [{ listingId: l.id, quantity: 1, priceMinor: 3300 }])).data!;
    await client(api).checkout.payWithTestCard.mutate({ checkoutId: first.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: a.cookie });
    expect(await listingState(l.id)).toBe('active'); // b's unit may still come back
    await expireCheckout(api.app.db.orm.em.fork(), second.checkoutId, new Date(Date.now() + 16 * 60_000));
    expect(await stockOf(l.id)).toBe(1);
    const third = (await start(c, [{ listingId: l.id, quantity: 1, priceMinor: 3300 }])).data!;
    await client(api).checkout.payWithTestCard.mutate({ checkoutId: third.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: c.cookie });
    expect(await listingState(l.id)).toBe('sold_out');
  });

  it('refunds a payment that arrives after the reservation expired', async () => {
    const l = await createLiveListing(api, seller, admin, { categoryId, title: 'Head Hunters', priceMinor: 3900, quantity: 1 });
    const buyer = await registerUser(api);
    const s = (await start(buyer, [{ listingId: l.id, quantity: 1, priceMinor: 3900 }])).data!;
    await expireCheckout(api.app.db.orm.em.fork(), s.checkoutId, new Date(Date.now() + 16 * 60_000));
    await api.app.gateway!.confirmTestPayment({ providerPaymentId: s.providerPaymentId, card: 'visa' });
    await stripe.flushWebhooks();
    const refunds = async () => ((await (await fetch(`${stripe.url}/v1/refunds?limit=100`, { headers: { authorization: 'Bearer sk_test_marketdesk' } })).json()) as { data: { payment_intent: string; amount: number }[] }).data.filter((r) => r.payment_intent === s.providerPaymentId);
    expect((await until(refunds, (r) => r.length > 0)).map((r) => r.amount)).toEqual([s.totalMinor]);
    expect(await checkoutState(s.checkoutId)).toBe('expired');
    expect(await stockOf(l.id)).toBe(1);
    const failed = await until(() => rows(`select payload from outbox_events where name = 'checkout.payment_failed' and stream = ?`, [`checkout:${s.checkoutId}`]), (r) => r.length > 0);
    expect(failed[0]!.payload.failureCode).toBe('late_payment_refunded');
  });

  it('acts once on a webhook delivered 10 times and out of order; refuses a bad signature', async () => {
    const l = await createLiveListing(api, seller, admin, { categoryId, title: 'Discovery', priceMinor: 7900, quantity: 4 });
    const buyer = await registerUser(api);
    const s = (await start(buyer, [{ listingId: l.id, quantity: 1, priceMinor: 7900 }])).data!;
    // The buyer pays "in the browser": only the webhook tells us.
    await api.app.gateway!.confirmTestPayment({ providerPaymentId: s.providerPaymentId, card: 'visa' });
    await stripe.flushWebhooks();
    const orderId = s.orders[0]!.id;
    expect(await until(() => checkoutState(s.checkoutId), (v) => v === 'paid')).toBe('paid');

    const event = await one(`select id from provider_webhook_events where type = 'payment.succeeded' and payload->>'providerPaymentId' = ?`, [s.providerPaymentId]);
    const body = JSON.stringify(await (await fetch(`${stripe.url}/v1/events/${event.id}`, { headers: { authorization: 'Bearer sk_test_marketdesk' } })).json());
    const post = (payload: string, header = Stripe.webhooks.generateTestHeaderString({ payload, secret })) =>
      fetch(`${api.baseUrl}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body: payload });
    // A failure for the same payment, older than the success, arriving late.
    const failed = JSON.parse(body) as { id: string; type: string; created: number; data: { object: Record<string, unknown> } };
    failed.id = `${failed.id}_late_failure`;
    failed.type = 'payment_intent.payment_failed';
    failed.created -= 60;
    failed.data.object = { ...failed.data.object, status: 'requires_payment_method', last_payment_error: { code: 'card_declined', message: 'Your card was declined.' } };
    const responses = await Promise.all([...Array.from({ length: 10 }, () => post(body)), post(JSON.stringify(failed))]);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const forged = await post(body, 't=1,v1=deadbeef');
    expect(forged.status).toBe(400);
    await api.app.relay.drain();
    await new Promise((r) => setTimeout(r, 1500)); // let the webhook jobs run

    const transitions = await rows(`select name from outbox_events where stream = ? order by seq`, [`order:${orderId}`]);
    expect(transitions.map((t) => t.name)).toEqual(['order.paid', 'order.ledger_posted', 'order.ledger_posted', 'order.placed']);
    const transfers = await rows(`select id from ledger_transfers where id in (?, ?)`, [`payment:${s.providerPaymentId}:${orderId}:capture`, `order:${orderId}:hold`]);
    expect(transfers).toHaveLength(2);
    expect(await checkoutState(s.checkoutId)).toBe('paid');
    expect(await stockOf(l.id)).toBe(3);
  });

  it("adds a provider-side refund and a chargeback to the timeline of every order the payment covered, once", async () => {
    const a = await createLiveListing(api, seller, admin, { categoryId, title: 'Hunky Dory', priceMinor: 3500, quantity: 1 });
    const b = await createLiveListing(api, seller2, admin, { categoryId, title: 'Sticky Fingers', priceMinor: 2400, quantity: 1 });
    const buyer = await registerUser(api);
    const s = (await start(buyer, [{ listingId: a.id, quantity: 1, priceMinor: 3500 }, { listingId: b.id, quantity: 1, priceMinor: 2400 }])).data!;
    await client(api).checkout.payWithTestCard.mutate({ checkoutId: s.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie });
    await api.app.gateway!.refund({ providerPaymentId: s.providerPaymentId, amountMinor: 1000, idempotencyKey: key() });
    stripe.openDispute(s.providerPaymentId, 'fraudulent');
    await stripe.flushWebhooks();
    const reports = async () => rows(`select payload from outbox_events where name = 'order.payment_reported' and stream in (?, ?)`, s.orders.map((o) => `order:${o.id}`));
    const got = await until(reports, (r) => r.length >= 4);
    expect(got.map((r) => `${r.payload.kind}:${r.payload.amountMinor}`).sort()).toEqual([`dispute_opened:${s.totalMinor - 1000}`, `dispute_opened:${s.totalMinor - 1000}`, 'refunded:1000', 'refunded:1000'] /* the dispute covers what was not refunded */);
    // A retried job adds nothing.
    const event = await one(`select id from provider_webhook_events where type = 'dispute.created' and payload->>'providerPaymentId' = ?`, [s.providerPaymentId]);
    const { processWebhookJob } = await import('../src/jobs/payments/process-webhook.js');
    const { createJobContext } = await import('../src/jobs/job-context.js');
    const { default: pino } = await import('pino');
    await processWebhookJob.handle(createJobContext(api.app.services.config, api.app.db, pino({ level: 'silent' }), api.app.gateway), { eventId: event.id });
    expect(await reports()).toHaveLength(4);
    // A refund made at the provider (not through us) is news to the buyer; the chargeback reads as their bank dispute.
    const detail = await client(api).orders.get.query({ id: s.orders[0]!.id }, { cookie: buyer.cookie });
    expect(detail.data?.timeline.map((e) => e.title)).toEqual(expect.arrayContaining(['Order placed and paid', 'Refunded by the payment provider']));
    const staffDetail = await client(api).orders.get.query({ id: s.orders[0]!.id }, { cookie: admin.cookie });
    expect(staffDetail.data?.timeline.map((e) => e.title)).toEqual(expect.arrayContaining(['Chargeback reported by the payment provider']));
  });

  it('keeps the books balanced, with escrow equal to what was paid and not released', async () => {
    expect((await reconcileLedger(api.app.db.orm.em.fork())).balanced).toBe(true);
    const amount = async (where: string) =>
      Number((await one(`select coalesce(sum(p.amount_minor), 0)::bigint as n from orders o join checkouts c on c.id = o.checkout_id join ledger_postings p on ${where} where p.account_code = 'platform:escrow'`)).n);
    const paid = await one(`select coalesce(sum(total_minor), 0)::bigint as n from orders where state = 'paid'`);
    expect(Number(paid.n)).toBeGreaterThan(0);
    // Captured into escrow: exactly what the paid orders cost (other test files may have moved
    // orders on to completed or cancelled; those are checked where they happen), and nothing for
    // orders that were never paid (failed or expired checkouts).
    expect(await amount(`p.transfer_id = 'payment:' || c.provider_payment_id || ':' || o.id || ':capture' and p.side = 'credit' and o.state = 'paid'`)).toBe(Number(paid.n));
    expect(await amount(`p.transfer_id = 'payment:' || c.provider_payment_id || ':' || o.id || ':capture' and o.paid_at is null`)).toBe(0);
    // Earmarked by a pending hold per order until release.
    expect(await amount(`p.transfer_id = 'order:' || o.id || ':hold' and p.side = 'debit' and p.phase = 'pending' and o.state = 'paid'`)).toBe(Number(paid.n));
  });
});
