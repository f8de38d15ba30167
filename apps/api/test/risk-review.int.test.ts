// Fraud and risk against real PostgreSQL, Redis and the local Stripe-compatible server: velocity
// rules edited by a lead hold a buyer's next checkout for review (paid, in escrow, unshippable, not
// announced to the seller), the order review queue approves one (the seller may ship) and rejects
// another (cancelled, refunded once, stock back on sale), and a staff flag raises the score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeServer } from '@marketdesk/stripe-local';
import { defaultRiskRules, type QueueItemSnapshot } from '@marketdesk/domain';
import { assessCheckout, isPublicIp } from '../src/services/risk/assess-checkout.js';
import { checkoutRepository } from '../src/repositories/checkout-repository.js';
import { createCategory, type Person } from './catalog-fixtures.js';
import { buyWithTestCard, refundsOf, startApiWithPayments } from './payments-harness.js';
import { client, registerUser, type RunningApi } from './harness.js';

let stripe: StripeServer;
let api: RunningApi;
let closeAll: () => Promise<void>;
let seller: Person;
let lead: Person;
let agent: Person;
let categoryId: string;

beforeAll(async () => {
  ({ api, stripe, close: closeAll } = await startApiWithPayments({ WORKER_IN_PROCESS: 'true' }));
  [seller, lead, agent] = await Promise.all([
    registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Sol Seller' }),
    registerUser(api, { roles: ['admin', 'agent'], displayName: 'Dana Lead' }),
    registerUser(api, { roles: ['agent'], displayName: 'Alex Agent' }),
  ]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  // The rules live in the shared test database: later files get the defaults back.
  const current = (await client(api).risk.rules.query(undefined, { cookie: lead.cookie })).data!;
  await client(api).risk.saveRules.mutate({ version: current.version, rules: defaultRiskRules }, { cookie: lead.cookie });
  await closeAll();
});

const buy = (buyer: Person, quantity = 1, priceMinor = 2500) => buyWithTestCard(api, { buyer, seller, reviewer: lead }, { categoryId, priceMinor, quantity });

async function fraudRow(orderId: string): Promise<QueueItemSnapshot | undefined> {
  // This file's seller only: the shared test database holds other files' fraud rows, oldest first.
  const page = await client(api).queues.list.query({ queue: 'fraud', filter: { states: ['open', 'approved', 'rejected'], sellerId: seller.id }, limit: 200 }, { cookie: lead.cookie });
  return page.data?.items.find((i) => i.subjectId === orderId);
}

describe('the paying card', () => {
  it('records the card the provider reports; a live card other buyers just used, or from another country, adds to the score', async () => {
    const buyer = await registerUser(api);
    const { checkoutId } = await buyWithTestCard(api, { buyer, seller, reviewer: lead }, { categoryId });
    const conn = api.app.db.orm.em.fork().getConnection();
    const [row] = (await conn.execute('select card_fingerprint, card_live, card_country, risk_reasons from checkouts where id = ?', [checkoutId])) as { card_fingerprint: string; card_live: boolean; card_country: string; risk_reasons: unknown[] }[];
    // A test-mode card (a number everyone shares) is recorded but never counts as shared.
    expect(row).toMatchObject({ card_fingerprint: 'fp_visa_4242', card_live: false, card_country: 'US', risk_reasons: [] });
    // Two other buyers paid with the same live card in the last hour: the next checkout on it is shared.
    const others = await Promise.all([registerUser(api), registerUser(api)]);
    for (const other of others) {
      const bought = await buyWithTestCard(api, { buyer: other, seller, reviewer: lead }, { categoryId });
      await conn.execute(`update checkouts set card_fingerprint = 'fp_live_stolen', card_live = true where id = ?`, [bought.checkoutId]);
    }
    const em = api.app.db.orm.em.fork();
    const checkout = (await checkoutRepository.findCheckout(em, checkoutId))!;
    const live = { fingerprint: 'fp_live_stolen', country: 'US', livemode: true };
    const risk = await assessCheckout(em, checkout, live, new Date());
    expect(risk.reasons.map((r) => r.code)).toEqual(['shared_card', 'card_country_mismatch']);
    expect(risk).toMatchObject({ score: 60, hold: true });
    expect((await assessCheckout(em, checkout, { ...live, livemode: false }, new Date())).reasons).toEqual([]);
  });
});

describe('rules and holds', () => {
  it('counts only public addresses toward velocity by IP', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.9', 'fd00::1', 'fe80::1'].filter(isPublicIp)).toEqual([]);
    expect(['8.8.8.8', '::ffff:81.2.69.160', '2a00:1450:4001::200e', '172.32.0.1'].every(isPublicIp)).toBe(true);
  });

  it('only a lead edits the rules, on the version they saw', async () => {
    const current = (await client(api).risk.rules.query(undefined, { cookie: agent.cookie })).data!;
    const rules = { holdThreshold: 40, maxOrdersPerBuyerPerHour: 2, maxOrdersPerIpPerHour: 100, maxOtherBuyersPerCardPerHour: 50, amountSpikeFactor: 50, newAccountDays: 0, highValueMinor: 10_000_000 };
    expect((await client(api).risk.saveRules.mutate({ version: current.version, rules }, { cookie: agent.cookie })).error?.data.code).toBe('FORBIDDEN');
    const saved = await client(api).risk.saveRules.mutate({ version: current.version, rules }, { cookie: lead.cookie });
    expect(saved.data?.version).toBeGreaterThan(current.version);
    expect((await client(api).risk.saveRules.mutate({ version: current.version, rules }, { cookie: lead.cookie })).error?.data.code).toBe('CONFLICT');
    expect((await client(api).risk.saveRules.mutate({ version: saved.data!.version, rules: { ...rules, holdThreshold: 0 } }, { cookie: lead.cookie })).error?.data.code).toBe('BAD_REQUEST');
  });

  it('holds the third order within an hour; approving lets the seller ship', async () => {
    const buyer = await registerUser(api);
    expect((await buy(buyer)).order.state).toBe('paid');
    expect((await buy(buyer)).order.state).toBe('paid');
    const { order } = await buy(buyer);
    expect(order.state).toBe('under_review');
    const ship = await client(api).orders.ship.mutate({ id: order.id, version: order.version, carrier: 'dpd', trackingNumber: '01234567890123' }, { cookie: seller.cookie });
    expect(ship.error?.data.code).toBe('CONFLICT');
    const row = (await fraudRow(order.id))!;
    expect(row).toMatchObject({ state: 'open', waitingOn: 'staff' });
    expect(row.title).toMatch(/risk 40: 3 orders by this buyer within an hour/);
    const review = (await client(api).risk.review.query({ orderId: order.id }, { cookie: agent.cookie })).data!;
    expect(review.risk).toMatchObject({ score: 40, reasons: [{ code: 'buyer_velocity' }] });
    // Agents claim first; then approve.
    expect((await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'accept' }, { cookie: agent.cookie })).error?.data.code).toBe('FORBIDDEN');
    const claimed = (await client(api).queues.claim.mutate({ id: row.id }, { cookie: agent.cookie })).data!;
    const approved = await client(api).queues.decide.mutate({ id: row.id, version: claimed.version, decision: 'accept' }, { cookie: agent.cookie });
    expect(approved.data).toMatchObject({ order: { state: 'paid' } });
    const now = (await client(api).orders.get.query({ id: order.id }, { cookie: seller.cookie })).data!;
    expect((await client(api).orders.ship.mutate({ id: order.id, version: now.version, carrier: 'dpd', trackingNumber: '01234567890123' }, { cookie: seller.cookie })).error).toBeUndefined();
  });

  it('rejecting refunds once and puts the stock back; a flag raises the next score', async () => {
    const buyer = await registerUser(api);
    const flagged = await client(api).risk.flag.mutate({ userId: buyer.id, note: 'Chargebacks elsewhere' }, { cookie: agent.cookie });
    expect(flagged.data).toHaveLength(1);
    const { order, listingId } = await buy(buyer, 1, 4200);
    expect(order.state).toBe('under_review');
    const row = (await fraudRow(order.id))!;
    expect(row.title).toMatch(/risk 60: Staff flagged this buyer/);
    const bad = await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'reject', reason: 'nonsense' }, { cookie: lead.cookie });
    expect(bad.error?.data.code).toBe('BAD_REQUEST');
    const rejected = await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'reject', reason: 'stolen_card', note: '' }, { cookie: lead.cookie });
    expect(rejected.data).toMatchObject({ order: { state: 'cancelled' } });
    expect(await refundsOf(stripe, order.totalMinor)).toHaveLength(1);
    const listing = (await api.app.db.orm.em.fork().getConnection().execute('select state, quantity from listings where id = ?', [listingId])) as { state: string; quantity: number }[];
    expect(listing[0]).toMatchObject({ state: 'active', quantity: 1 });
    expect((await fraudRow(order.id))).toMatchObject({ state: 'rejected', decidedBy: lead.id });
    // Clearing the flag: the next checkout is ordinary again.
    await client(api).risk.unflag.mutate({ flagId: flagged.data![0]!.id }, { cookie: agent.cookie });
    expect((await buy(buyer)).order.state).toBe('paid');
  });
});
