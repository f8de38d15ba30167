// Payouts end to end: request within the available balance, four-eyes approval, sending through
// the provider (idempotent), and the provider's payout.paid / payout.failed webhooks settling it
// or returning the money — with the books balanced after each step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { reconcileLedger } from '../src/services/ledger/reconcile-ledger.js';
import { address, createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, registerUser, startApi, until, type RunningApi } from './harness.js';
import { decidedOn } from './queue-decisions.js';

const secret = 'whsec_payouts';
let stripe: StripeServer;
let api: RunningApi;
let seller: Person;
let admin: Person;

const mine = async () => (await client(api).payouts.mine.query(undefined, { cookie: seller.cookie })).data!;
/** The approver's view of a payout carries its `payouts` queue row: what queues.decide names. */
const rowOf = async (payoutId: string) => {
  const { queueItem } = (await client(api).payouts.get.query({ id: payoutId }, { cookie: admin.cookie })).data!;
  return { id: queueItem!.id, version: queueItem!.version };
};


beforeAll(async () => {
  stripe = await startStripeServer({ port: 0 });
  api = await startApi({ STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stripe.url, WORKER_IN_PROCESS: 'true', PAYOUT_MIN_MINOR: '1000' });
  stripe.setWebhook({ url: `${api.baseUrl}/webhooks/stripe`, secret });
  [seller, admin] = await Promise.all([registerUser(api, { roles: ['seller', 'buyer'] }), registerUser(api, { roles: ['admin'] })]);
  // Earn something: a completed order releases 90 % of €100 + shipping and tax to the seller.
  const categoryId = (await createCategory(api)).id;
  const buyer = await registerUser(api);
  const l = await createLiveListing(api, seller, admin, { categoryId, title: 'Payout test pressing', priceMinor: 10_000, quantity: 1 });
  const s = await client(api).checkout.start.mutate({ idempotencyKey: key(), address, lines: [{ listingId: l.id, quantity: 1, priceMinor: 10_000 }] }, { cookie: buyer.cookie });
  await client(api).checkout.payWithTestCard.mutate({ checkoutId: s.data!.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie });
  const orderId = s.data!.orders[0]!.id;
  const v = async () => (await client(api).orders.get.query({ id: orderId }, { cookie: seller.cookie })).data!.version;
  await client(api).orders.ship.mutate({ id: orderId, version: await v(), carrier: 'dpd', trackingNumber: '01234567890123' }, { cookie: seller.cookie });
  await client(api).orders.markDelivered.mutate({ id: orderId, version: await v() }, { cookie: seller.cookie });
  await client(api).orders.confirmReceipt.mutate({ id: orderId, version: await v() }, { cookie: buyer.cookie });
});
afterAll(async () => {
  await api.close();
  await stripe.close();
});

describe('payouts', () => {
  it('refuses payouts above the available balance or below the minimum', async () => {
    const { balance } = await mine();
    expect(balance.availableMinor).toBeGreaterThan(10_000);
    const tooMuch = await client(api).payouts.request.mutate({ amountMinor: balance.availableMinor + 1 }, { cookie: seller.cookie });
    expect(tooMuch.error?.data.code).toBe('BAD_REQUEST');
    expect(tooMuch.error?.message).toMatch(/at most €/);
    const tooLittle = await client(api).payouts.request.mutate({ amountMinor: 999 }, { cookie: seller.cookie });
    expect(tooLittle.error?.message).toMatch(/smallest payout is €10\.00/);
    const buyer = await registerUser(api);
    expect((await client(api).payouts.request.mutate({ amountMinor: 5000 }, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
  });

  it('approves, sends and settles a payout when the provider reports it paid', async () => {
    const before = (await mine()).balance;
    const requested = await client(api).payouts.request.mutate({ amountMinor: 6000 }, { cookie: seller.cookie });
    expect(requested.data?.state).toBe('requested');
    expect((await mine()).balance).toMatchObject({ availableMinor: before.availableMinor - 6000, reservedMinor: 6000 });
    const queueRow = await rowOf(requested.data!.id);
    expect((await client(api).queues.decide.mutate({ ...queueRow, decision: 'accept' }, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');
    const queue = await client(api).payouts.queue.query(undefined, { cookie: admin.cookie });
    expect(queue.data?.some((p) => p.id === requested.data!.id)).toBe(true);
    const approved = await client(api).queues.decide.mutate({ ...queueRow, decision: 'accept' }, { cookie: admin.cookie });
    expect(decidedOn('payouts', approved.data)).toMatchObject({ payout: { id: requested.data!.id, state: 'approved' }, item: { state: 'approved', decidedBy: admin.id } });
    const again = await client(api).queues.decide.mutate({ ...queueRow, decision: 'reject', reason: 'other', note: 'too late' }, { cookie: admin.cookie });
    expect(again.error?.data.code).toBe('CONFLICT');

    const processing = await until(mine, (m) => m.payouts.find((p) => p.id === requested.data!.id)?.state === 'processing');
    expect(processing.balance.inTransitMinor).toBe(6000);
    const [row] = (await api.app.db.orm.em.fork().getConnection().execute(`select provider_payout_id from payouts where id = ?`, [requested.data!.id])) as { provider_payout_id: string }[];
    stripe.settlePayout(row!.provider_payout_id, { status: 'paid' });
    await stripe.flushWebhooks();
    const paid = await until(mine, (m) => m.payouts.find((p) => p.id === requested.data!.id)?.state === 'paid');
    expect(paid.balance).toMatchObject({ inTransitMinor: 0, paidOutMinor: before.paidOutMinor + 6000, availableMinor: before.availableMinor - 6000, reservedMinor: 0 });
    expect((await reconcileLedger(api.app.db.orm.em.fork())).balanced).toBe(true);
  });

  it('returns the money to available when the bank returns the payout', async () => {
    const before = (await mine()).balance;
    const requested = await client(api).payouts.request.mutate({ amountMinor: 2000 }, { cookie: seller.cookie });
    await client(api).queues.decide.mutate({ ...(await rowOf(requested.data!.id)), decision: 'accept' }, { cookie: admin.cookie });
    await until(mine, (m) => m.payouts.find((p) => p.id === requested.data!.id)?.state === 'processing');
    const [row] = (await api.app.db.orm.em.fork().getConnection().execute(`select provider_payout_id from payouts where id = ?`, [requested.data!.id])) as { provider_payout_id: string }[];
    stripe.settlePayout(row!.provider_payout_id, { status: 'failed', failureMessage: 'The bank account has been closed.' });
    await stripe.flushWebhooks();
    const failed = await until(mine, (m) => m.payouts.find((p) => p.id === requested.data!.id)?.state === 'failed');
    expect(failed.balance.availableMinor).toBe(before.availableMinor);
    expect(failed.balance.inTransitMinor).toBe(0);

    const rejected = await client(api).payouts.request.mutate({ amountMinor: 1500 }, { cookie: seller.cookie });
    const toReject = await rowOf(rejected.data!.id);
    const noReason = await client(api).queues.decide.mutate({ ...toReject, decision: 'reject', reason: 'other', note: '' }, { cookie: admin.cookie });
    expect(noReason.error).toMatchObject({ data: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/Say why in the note/) as unknown });
    const refused = await client(api).queues.decide.mutate({ ...toReject, decision: 'reject', reason: 'account_mismatch', note: 'Bank details need checking' }, { cookie: admin.cookie });
    expect(decidedOn('payouts', refused.data)?.payout).toMatchObject({ state: 'rejected', reason: 'The bank account does not match the seller: Bank details need checking' });
    expect((await mine()).balance.availableMinor).toBe(before.availableMinor);
    expect((await reconcileLedger(api.app.db.orm.em.fork())).balanced).toBe(true);
  });

  it('notifies in the app and by email once per event and person, as preferences say', async () => {
    const list = async (who: Person) => (await client(api).notifications.list.query(undefined, { cookie: who.cookie })).data!;
    const seen = await until(() => list(seller), (l) => ['order_paid', 'order_completed', 'payout_paid', 'payout_failed'].every((k) => l.items.some((i) => i.kind === k)));
    expect(seen.items.find((i) => i.kind === 'payout_paid')?.title).toBe('Payout of €60.00 paid');
    expect(seen.unread).toBeGreaterThanOrEqual(4);
    const conn = api.app.db.orm.em.fork().getConnection();
    const mails = async () => (await conn.execute(`select template from sent_mails where user_id = ?`, [seller.id])) as { template: string }[];
    await until(mails, (m) => m.some((x) => x.template === 'notify.payout_failed'));
    // Redelivering a job adds nothing.
    const { deliverNotificationsJob } = await import('../src/jobs/notifications/deliver-notifications.js');
    const { createJobContext } = await import('../src/jobs/job-context.js');
    const { default: pino } = await import('pino');
    const [placed] = (await conn.execute(`select id from outbox_events where name = 'order.placed' and payload->>'sellerId' = ?`, [seller.id])) as { id: string }[];
    const before = { rows: (await list(seller)).items.length, mails: (await mails()).length };
    await deliverNotificationsJob.handle(createJobContext(api.app.services.config, api.app.db, pino({ level: 'silent' }), api.app.gateway), { outboxId: String(placed!.id) });
    expect((await list(seller)).items.length).toBe(before.rows);
    expect((await mails()).length).toBe(before.mails);

    expect((await client(api).notifications.setPreference.mutate({ kind: 'payout_paid', inApp: true, email: false }, { cookie: seller.cookie })).error).toBeUndefined();
    const prefs = await client(api).notifications.preferences.query(undefined, { cookie: seller.cookie });
    expect(prefs.data?.find((p) => p.kind === 'payout_paid')?.email).toBe(false);
    expect((await client(api).notifications.markRead.mutate({ ids: 'all' }, { cookie: seller.cookie })).data!.marked).toBeGreaterThanOrEqual(4);
    expect((await list(seller)).unread).toBe(0);
  });

  it('explores the ledger and reconciles it with the provider, listing a refund made outside Marketdesk', async () => {
    const transfers = await client(api).ledger.transfers.query({ sellerId: seller.id }, { cookie: admin.cookie });
    expect(transfers.data?.map((t) => t.code)).toEqual(expect.arrayContaining(['escrow_release', 'payout_requested', 'payout_paid']));
    expect(transfers.data?.find((t) => t.code === 'escrow_release')?.orderNumber).toMatch(/^MD-/);
    const accounts = await client(api).ledger.accounts.query({ q: seller.id }, { cookie: admin.cookie });
    expect(accounts.data?.map((a) => a.code).sort()).toEqual([`seller:${seller.id}:available`, `seller:${seller.id}:in_transit`]);
    expect((await client(api).ledger.transfers.query({}, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');

    const ours = async () => {
      const [row] = (await api.app.db.orm.em.fork().getConnection().execute(`select c.provider_payment_id from checkouts c join orders o on o.checkout_id = c.id where o.seller_id = ? limit 1`, [seller.id])) as { provider_payment_id: string }[];
      return row!.provider_payment_id;
    };
    const payment = await ours();
    const clean = await client(api).ledger.reconcileNow.mutate(undefined, { cookie: admin.cookie });
    expect(clean.data?.checked.payments).toBeGreaterThan(0);
    expect(clean.data?.mismatches.filter((m) => m.reference === payment)).toEqual([]);
    // Someone refunds in the provider's dashboard: the ledger knows nothing of it.
    await api.app.gateway!.refund({ providerPaymentId: payment, amountMinor: 500, idempotencyKey: key() });
    const found = await client(api).ledger.reconcileNow.mutate(undefined, { cookie: admin.cookie });
    expect(found.data?.mismatches.filter((m) => m.reference === payment)).toEqual([expect.objectContaining({ kind: 'refund', message: expect.stringMatching(/refunded more than the ledger/) })]);
    const runs = await client(api).ledger.runs.query(undefined, { cookie: admin.cookie });
    expect(runs.data!.length).toBeGreaterThanOrEqual(2);
  });

  it('downloads the statement as CSV: every posting on the seller accounts', async () => {
    const res = await fetch(`${api.baseUrl}/files/ledger/statement.csv`, { headers: { cookie: seller.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = (await res.text()).trim().split('\r\n');
    expect(rows[0]).toBe('posting_id,created_at,account,reason,transfer_id,phase,direction,amount,currency');
    const reasons = rows.slice(1).map((r) => r.split(',')[3]);
    expect(reasons).toEqual(expect.arrayContaining(['escrow_release', 'payout_requested', 'payout_paid', 'payout_failed']));
    const buyer = await registerUser(api);
    expect((await fetch(`${api.baseUrl}/files/ledger/statement.csv`, { headers: { cookie: buyer.cookie } })).status).toBe(403);
  });
});
