// Disputes against real PostgreSQL, Redis, sockets and the local Stripe-compatible server: a buyer
// disputes a shipped order with a photo (order frozen, queue row live), an agent claims and asks
// the seller, the seller answers, the agent resolves with a partial refund — refunded once through
// the provider, the ledger splitting escrow between buyer and seller — SLA timers that fire once
// per state visit and escalate on breach, refund limits, privacy of evidence, and a chargeback
// opening a dispute by itself with the escrow frozen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeServer } from '@marketdesk/stripe-local';
import type { QueueItemSnapshot } from '@marketdesk/domain';
import { fireDisputeTimer } from '../src/services/disputes/dispute-automation.js';
import { disputeSettingsFrom } from '../src/services/disputes/dispute-settings.js';
import { reconcileLedger } from '../src/services/ledger/reconcile-ledger.js';
import { createCategory, type Person } from './catalog-fixtures.js';
import { buyWithTestCard, refundsOf, startApiWithPayments } from './payments-harness.js';
import { client, allowedOrigin, testConfig, nextEvent, openSocket, registerUser, until, waitFor, type RunningApi } from './harness.js';

let stripe: StripeServer;
let api: RunningApi;
let closeAll: () => Promise<void>;
let seller: Person;
let admin: Person;
let agent: Person;
let categoryId: string;

beforeAll(async () => {
  ({ api, stripe, close: closeAll } = await startApiWithPayments({ DISPUTE_AGENT_REFUND_LIMIT_MINOR: '3000', WORKER_IN_PROCESS: 'true' }));
  [seller, admin, agent] = await Promise.all([
    registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Sol Seller' }),
    registerUser(api, { roles: ['admin', 'agent'], displayName: 'Dana Lead' }),
    registerUser(api, { roles: ['agent'], displayName: 'Alex Agent' }),
  ]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  await closeAll();
});

const view = async (id: string, who: Person) => (await client(api).orders.get.query({ id }, { cookie: who.cookie })).data!;

async function shippedOrder(buyer: Person, priceMinor = 4000) {
  const bought = await buyWithTestCard(api, { buyer, seller, reviewer: admin }, { categoryId, priceMinor });
  const paid = bought.order;
  const shipped = await client(api).orders.ship.mutate({ id: paid.id, version: paid.version, carrier: 'dpd', trackingNumber: '01234567890123' }, { cookie: seller.cookie });
  expect(shipped.error).toBeUndefined();
  return { order: await view(paid.id, buyer), checkoutId: bought.checkoutId };
}

async function photo(who: Person): Promise<string> {
  // A 1×1 PNG.
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201ffa9a3ad5b0000000049454e44ae426082', 'hex');
  const form = new FormData();
  form.append('file', new Blob([png]), 'scratch.png');
  const res = await fetch(`${api.baseUrl}/uploads/dispute-evidence`, { method: 'POST', headers: { cookie: who.cookie, origin: allowedOrigin }, body: form });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function rowOf(disputeId: string): Promise<QueueItemSnapshot> {
  const page = await client(api).queues.list.query({ queue: 'disputes', filter: { states: ['open', 'awaiting_seller', 'awaiting_buyer', 'under_review', 'resolved_buyer', 'resolved_seller', 'split', 'closed'] }, limit: 200 }, { cookie: admin.cookie });
  const row = page.data?.items.find((i) => i.subjectId === disputeId);
  if (!row) throw new Error(`no dispute row: ${JSON.stringify(page.error)}`);
  return row;
}

const staffView = async (id: string) => (await client(api).disputes.get.query({ id }, { cookie: admin.cookie })).data!;
const balances = async () => (await client(api).ledger.myBalances.query(undefined, { cookie: seller.cookie })).data!.find((b) => b.currency === 'EUR') ?? { availableMinor: 0, pendingMinor: 0 };

describe('a buyer dispute, end to end', () => {
  it('freezes the order, goes through the queue live, and settles a partial refund once', async () => {
    const buyer = await registerUser(api, { displayName: 'Bea Buyer' });
    const { order } = await shippedOrder(buyer);
    const staff = openSocket(api, admin.cookie);
    await waitFor(staff, 'connect');
    expect(await new Promise<{ ok: boolean }>((r) => staff.emit('subscribe', 'queue:disputes', r))).toMatchObject({ ok: true });
    const added = nextEvent<{ name: string; payload: { item: QueueItemSnapshot } }>(staff, 'event', (e) => e.name === 'queue.item.added' && e.payload.item.queue === 'disputes');

    const bad = await client(api).disputes.open.mutate({ orderId: order.id, version: order.version, reason: 'damaged', description: 'short' }, { cookie: buyer.cookie });
    expect(bad.error?.data.code).toBe('BAD_REQUEST');
    const opened = await client(api).disputes.open.mutate({ orderId: order.id, version: order.version, reason: 'damaged', description: 'The sleeve is torn and the record is scratched.', files: [await photo(buyer)] }, { cookie: buyer.cookie });
    expect(opened.error).toBeUndefined();
    const d = opened.data!;
    expect(d).toMatchObject({ state: 'open', amountMinor: order.totalMinor });
    expect((await added).payload.item).toMatchObject({ state: 'open', waitingOn: 'staff' });
    expect((await view(order.id, buyer)).state).toBe('disputed');
    const again = await client(api).disputes.open.mutate({ orderId: order.id, version: (await view(order.id, buyer)).version, reason: 'damaged', description: 'Trying a second dispute on the same order.' }, { cookie: buyer.cookie });
    expect(again.error?.data.code).toBe('CONFLICT');

    // Evidence files: the parties and staff only.
    const url = `${api.baseUrl}${d.evidence[0]!.files[0]!.url}`;
    expect((await fetch(url, { headers: { cookie: buyer.cookie } })).status).toBe(200);
    expect((await fetch(url, { headers: { cookie: seller.cookie } })).status).toBe(200);
    expect((await fetch(url, { headers: { cookie: agent.cookie } })).status).toBe(200);
    const stranger = await registerUser(api);
    expect((await fetch(url, { headers: { cookie: stranger.cookie } })).status).toBe(404);

    // The staff view says no money moves by itself while the dispute is open.
    const sv = await staffView(d.id);
    expect(sv.automaticEffects?.[0]?.what).toMatch(/stays in escrow/);
    expect(sv.sla?.status).toBe('ok');

    // The agent claims and asks the seller; the seller answers, which moves it to review.
    let row = await rowOf(d.id);
    const claimed = await client(api).queues.claim.mutate({ id: row.id }, { cookie: agent.cookie });
    expect(claimed.data?.claimedByName).toBe('Alex Agent');
    const asked = await client(api).disputes.act.mutate({ id: row.id, version: claimed.data!.version, action: 'ask_seller' }, { cookie: agent.cookie });
    expect(asked.data?.state).toBe('awaiting_seller');
    row = await rowOf(d.id);
    expect(row).toMatchObject({ state: 'awaiting_seller', waitingOn: 'seller', claimedByName: 'Alex Agent' });
    const early = await client(api).disputes.resolve.mutate({ id: row.id, version: row.version, outcome: 'seller' }, { cookie: agent.cookie });
    expect(early.error?.message).toMatch(/seller has until their deadline/);
    const answer = await client(api).disputes.evidence.mutate({ disputeId: d.id, body: 'It left here in mint condition; see the packing photo.', files: [await photo(seller)] }, { cookie: seller.cookie });
    expect(answer.data).toMatchObject({ state: 'under_review', you: 'seller' });

    // Over the agent's refund limit (€30): refused; a lead would be needed. Within it: split.
    row = await rowOf(d.id);
    const tooMuch = await client(api).disputes.resolve.mutate({ id: row.id, version: row.version, outcome: 'split', buyerShareMinor: 3500 }, { cookie: agent.cookie });
    expect(tooMuch.error?.data.code).toBe('CONFLICT');
    expect(tooMuch.error?.message).toBe('Refunds above €30.00 need a lead who may refund any amount.');
    const stale = await client(api).disputes.resolve.mutate({ id: row.id, version: row.version - 1, outcome: 'seller' }, { cookie: agent.cookie });
    expect(stale.error?.data.code).toBe('CONFLICT');
    const before = await balances();
    const resolved = await client(api).disputes.resolve.mutate({ id: row.id, version: row.version, outcome: 'split', buyerShareMinor: 1500, note: 'Partial refund for the sleeve.' }, { cookie: agent.cookie });
    expect(resolved.error).toBeUndefined();
    expect(resolved.data).toMatchObject({ state: 'split', buyerShareMinor: 1500 });
    expect(resolved.data?.ledger?.map((t) => t.code)).toEqual(expect.arrayContaining(['dispute_settlement']));

    // Money: the buyer got €15 back through the provider, exactly once; the seller the rest, net of the fee.
    const after = await balances();
    const fee = order.feeMinor;
    const sellerShare = order.totalMinor - 1500 - Math.round((fee * (order.totalMinor - 1500)) / order.totalMinor);
    expect(after.availableMinor - before.availableMinor).toBeGreaterThan(0);
    expect(Math.abs(after.availableMinor - before.availableMinor - sellerShare)).toBeLessThanOrEqual(1);
    // The refund itself is an effect: the worker sends it after the resolution committed, and the
    // dispute keeps the provider's refund id.
    const [refund, ...more] = await refundsOf(stripe, 1500);
    expect(more).toHaveLength(0);
    expect((await until(() => staffView(d.id), (v) => v.providerRefundId !== null)).providerRefundId).toBe(refund!.id);
    expect((await view(order.id, buyer)).state).toBe('partially_refunded');
    expect((await rowOf(d.id))).toMatchObject({ state: 'split', decidedBy: agent.id, claimedBy: null });
    // Decided: the desk shows the outcome and nothing left to happen by itself (the money has moved).
    expect((await staffView(d.id)).automaticEffects).toEqual([]);
    expect((await reconcileLedger(api.app.db.orm.em.fork())).balanced).toBe(true);
    staff.close();
  });
});

describe('the conversation on a claimed dispute', () => {
  it('lets only the assignee write as Support until a lead hands it over', async () => {
    const buyer = await registerUser(api);
    const { order } = await shippedOrder(buyer);
    const d = (await client(api).disputes.open.mutate({ orderId: order.id, version: order.version, reason: 'not_received', description: 'Nothing arrived after two weeks.' }, { cookie: buyer.cookie })).data!;
    const row = await rowOf(d.id);
    await client(api).queues.claim.mutate({ id: row.id }, { cookie: agent.cookie });
    const thread = (await client(api).chat.threadForOrder.mutate({ orderId: order.id }, { cookie: agent.cookie })).data!;
    const send = (who: Person, body: string) => client(api).chat.send.mutate({ threadId: thread.id, clientId: crypto.randomUUID(), body }, { cookie: who.cookie });
    expect((await send(agent, 'Hello, I am looking into it.')).error).toBeUndefined();
    const colleague = await send(admin, 'Jumping in.');
    expect(colleague.error?.data.code).toBe('FORBIDDEN');
    expect(colleague.error?.message).toMatch(/Alex Agent is handling this dispute/);
    // The lead takes it over (visible to all in the queue); now the lead writes.
    const current = await rowOf(d.id);
    expect((await client(api).queues.reassign.mutate({ id: current.id, version: current.version, toUserId: admin.id }, { cookie: admin.cookie })).error).toBeUndefined();
    expect((await send(admin, 'I have taken this over.')).error).toBeUndefined();
    expect((await send(agent, 'Still here?')).error?.data.code).toBe('FORBIDDEN');
  });
});

describe('SLA timers', () => {
  it('warn at risk and escalate on breach once per state visit, and are ignored after a move', async () => {
    const buyer = await registerUser(api);
    const { order } = await shippedOrder(buyer);
    const d = (await client(api).disputes.open.mutate({ orderId: order.id, version: order.version, reason: 'not_as_described', description: 'This is the wrong pressing entirely.' }, { cookie: buyer.cookie })).data!;
    const sv = await staffView(d.id);
    const em = () => api.app.db.orm.em.fork();
    const settings = disputeSettingsFrom(testConfig({ DISPUTE_AGENT_REFUND_LIMIT_MINOR: '3000' }));
    const enteredAt = ((await em().getConnection().execute('select state_entered_at from disputes where id = ?', [d.id])) as { state_entered_at: Date }[])[0]!.state_entered_at;
    const timer = (command: string) => ({ disputeId: d.id, command, state: 'open', enteredAt: new Date(enteredAt!).toISOString() });
    const late = new Date(sv.sla!.dueAt!.getTime() + 1000);
    expect(await fireDisputeTimer(em(), timer('sla_at_risk'), settings, late)).toBe('fired');
    expect(await fireDisputeTimer(em(), timer('sla_at_risk'), settings, late)).toBe('ignored');
    expect((await rowOf(d.id)).priority).toBe(1);
    const [a, b] = await Promise.all([fireDisputeTimer(em(), timer('sla_breach'), settings, late), fireDisputeTimer(em(), timer('sla_breach'), settings, late)]);
    expect([a, b].sort()).toEqual(['fired', 'ignored']);
    const escalated = await staffView(d.id);
    expect(escalated).toMatchObject({ state: 'open', escalated: true, sla: { status: 'breached' } });
    expect((await rowOf(d.id)).priority).toBe(2);
    // The lead hears about it.
    const told = await until(() => client(api).notifications.list.query({}, { cookie: admin.cookie }), (r) => !!r.data?.items.some((n) => n.title === 'A dispute breached its SLA'), 15_000);
    expect(told.data?.items.map((n) => n.title)).toContain('A dispute breached its SLA');
    // A timer from a state the dispute has left does nothing.
    const row = await rowOf(d.id);
    await client(api).disputes.act.mutate({ id: row.id, version: row.version, action: 'start_review' }, { cookie: admin.cookie });
    expect(await fireDisputeTimer(em(), timer('sla_breach'), settings, late)).toBe('ignored');
  });
});

describe('chargebacks', () => {
  it('open a dispute by themselves from the provider webhook, freezing the escrow', async () => {
    const buyer = await registerUser(api);
    const { order, checkoutId } = await shippedOrder(buyer);
    const pi = ((await api.app.db.orm.em.fork().getConnection().execute('select provider_payment_id from checkouts where id = ?', [checkoutId])) as { provider_payment_id: string }[])[0]!.provider_payment_id;
    const res = await fetch(`${stripe.url}/_test/charges/${pi}/dispute`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reason: 'fraudulent' }) });
    expect(res.status).toBe(200);
    const opened = await until(() => client(api).disputes.forOrder.query({ orderId: order.id }, { cookie: seller.cookie }), (r) => (r.data?.length ?? 0) > 0, 15_000);
    expect(opened.data).toHaveLength(1);
    expect(opened.data![0]).toMatchObject({ state: 'open', source: 'chargeback', reasonLabel: 'Card chargeback' });
    expect((await view(order.id, buyer)).state).toBe('disputed');
    expect((await rowOf(opened.data![0]!.id)).priority).toBe(2);
  });
});
