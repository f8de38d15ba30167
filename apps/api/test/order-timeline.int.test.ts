// One order's whole story through the real API — paid → shipped → disputed → split (€10 back) →
// completed, then the provider's echo of our refund — and the exact timeline each reader gets from
// orders.get: one entry per thing they care about, in the order it happened, with the money that
// moved for them. Also the resolution's note: both parties read Support's decision and note on
// their dispute view, and the decision reaches the order's room live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../src/routers/_app.js';
import { createCategory, type Person } from './catalog-fixtures.js';
import { buyWithTestCard, startApiWithPayments } from './payments-harness.js';
import { allowedOrigin, nextEvent, openSocket, registerUser, until, waitFor, type RunningApi } from './harness.js';

let api: RunningApi;
let closeAll: () => Promise<void>;
let seller: Person;
let agent: Person;
let buyer: Person;
let categoryId: string;

beforeAll(async () => {
  ({ api, close: closeAll } = await startApiWithPayments({ WORKER_IN_PROCESS: 'true' }));
  [seller, agent, buyer] = await Promise.all([
    registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Sol Seller' }),
    registerUser(api, { roles: ['admin', 'agent'], displayName: 'Alex Agent' }),
    registerUser(api, { displayName: 'Bea Buyer' }),
  ]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  await closeAll();
});

const as = (who: Person) => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${api.baseUrl}/trpc`, transformer: superjson, headers: { cookie: who.cookie, origin: allowedOrigin } })] });

const read = async (orderId: string, who: Person) => (await as(who).orders.get.query({ id: orderId })).timeline.map((e) => ({ title: e.title, detail: e.detail, money: e.money && `${e.money.move} ${e.money.amountMinor}` }));

describe('an order’s timeline for each reader', () => {
  it('tells the whole story once per reader, with their money, and carries Support’s note to both parties live', async () => {
    const { order } = await buyWithTestCard(api, { buyer, seller, reviewer: agent }, { categoryId, priceMinor: 5000 });
    // €50.00 + shipping + 19 % tax, 10 % fee on the items: the figures the entries below spell out.
    expect({ total: order.totalMinor, fee: order.feeMinor }).toEqual({ total: 6545, fee: 500 });
    const shipped = await as(seller).orders.ship.mutate({ id: order.id, version: order.version, carrier: 'dpd', trackingNumber: '01234567890123' });
    const opened = await as(buyer).disputes.open.mutate({ orderId: order.id, version: shipped.version, reason: 'damaged', description: 'The sleeve is torn and the record is scratched.' });

    const row = (await as(agent).queues.list.query({ queue: 'disputes', filter: { states: ['open'] }, limit: 200 })).items.find((i) => i.subjectId === opened.id)!;
    const claimed = await as(agent).queues.claim.mutate({ id: row.id });
    // Both parties follow the order's room, as their order pages do.
    const sockets = [openSocket(api, buyer.cookie), openSocket(api, seller.cookie)];
    await Promise.all(sockets.map((s) => waitFor(s, 'connect')));
    for (const s of sockets) expect(await new Promise((r) => s.emit('subscribe', `order:${order.id}`, r))).toEqual({ ok: true });
    const heard = sockets.map((s) => nextEvent<{ name: string; payload: { outcome: string; buyerShareMinor: number } }>(s, 'event', (e) => e.name === 'dispute.resolved'));
    await as(agent).disputes.resolve.mutate({ id: row.id, version: claimed.version, outcome: 'split', buyerShareMinor: 1000, note: 'The sleeve damage is clear in the photos; €10 back for it.' });
    for (const e of await Promise.all(heard)) expect(e.payload).toMatchObject({ outcome: 'split', buyerShareMinor: 1000 });
    sockets.forEach((s) => s.disconnect());

    for (const who of [buyer, seller]) {
      const [d] = await as(who).disputes.forOrder.query({ orderId: order.id });
      expect(d?.resolution).toMatchObject({ outcome: 'split', buyerShareMinor: 1000, note: 'The sleeve damage is clear in the photos; €10 back for it.', by: 'support' });
    }

    // Our refund comes back from the provider as a report (staff see it; it is not news to the parties).
    await until(() => as(agent).orders.get.query({ id: order.id }), (o) => o.timeline.some((e) => e.kind === 'order.payment_reported'));
    const partly = await as(buyer).orders.get.query({ id: order.id });
    await as(buyer).orders.confirmReceipt.mutate({ id: order.id, version: partly.version });

    expect(await read(order.id, buyer)).toEqual([
      { title: 'Order placed and paid', detail: 'Your payment is held safely until your order arrives.', money: 'paid 6545' },
      { title: 'Shipped with DPD', detail: 'Tracking number 01234567890123', money: null },
      { title: 'You reported a problem', detail: 'Arrived damaged. The payment stays on hold until Support settles it.', money: null },
      { title: 'Dispute resolved: partial refund', detail: '€10.00 back to your card.', money: 'refunded 1000' },
      { title: 'Completed', detail: 'You confirmed that the order arrived.', money: null },
    ]);
    expect(await read(order.id, seller)).toEqual([
      { title: 'Order placed by Bea Buyer', detail: 'Bea Buyer paid €65.45. Your €60.45 (after the €5.00 fee) is held until they have the order.', money: 'held 6045' },
      { title: 'Shipped with DPD', detail: 'Tracking number 01234567890123', money: null },
      { title: 'Bea Buyer reported a problem', detail: 'Arrived damaged. Your money stays on hold until Support settles it.', money: null },
      { title: 'Dispute resolved: partial refund to the buyer', detail: '€10.00 refunded to Bea Buyer. €51.21 released to your balance.', money: 'released 5121' },
      { title: 'Completed', detail: 'Bea Buyer confirmed that the order arrived.', money: null },
    ]);
    expect(await read(order.id, agent)).toEqual([
      { title: 'Order placed and paid by Bea Buyer', detail: '€65.45 paid into escrow; €60.45 held for the seller (fee €5.00).', money: 'paid 6545' },
      { title: 'Shipped with DPD', detail: 'Tracking number 01234567890123', money: null },
      { title: 'Dispute opened by the buyer', detail: 'Arrived damaged', money: null },
      { title: 'Dispute resolved: partial refund', detail: '€10.00 back to the buyer’s card; €51.21 released to the seller (fee €4.24).', money: 'refunded 1000' },
      { title: 'The payment provider confirmed the refund', detail: '€10.00 refunded on the payment in total.', money: null },
      { title: 'Completed', detail: 'Bea Buyer confirmed that the order arrived.', money: null },
    ]);
  });
});
