// After payment: shipping with validated tracking and a private proof, delivery, the buyer's
// confirmation releasing escrow to the seller (net of the fee) in the same transaction, the
// auto-complete timer firing once, and cancellation before shipment refunding through the provider.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StripeServer } from '@marketdesk/stripe-local';
import { refundsOf, startApiWithPayments } from './payments-harness.js';
import { fireOrderTimer } from '../src/services/orders/fulfillment.js';
import { reconcileLedger } from '../src/services/ledger/reconcile-ledger.js';
import { address, createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, openSocket, registerUser, waitFor, type RunningApi } from './harness.js';

let stripe: StripeServer;
let api: RunningApi;
let closeAll: () => Promise<void>;
let seller: Person;
let admin: Person;
let categoryId: string;

beforeAll(async () => {
  ({ api, stripe, close: closeAll } = await startApiWithPayments({ WORKER_IN_PROCESS: 'true' }));
  [seller, admin] = await Promise.all([registerUser(api, { roles: ['seller', 'buyer'] }), registerUser(api, { roles: ['admin'] })]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  await closeAll();
});

/** The order's stream as stored (what the timeline is written from). */
async function storedStream(orderId: string) {
  const rows = (await api.app.db.orm.em.fork().getConnection().execute(`select seq, name, payload from outbox_events where stream = ? order by seq`, [`order:${orderId}`])) as { seq: number | string; name: string; payload: Record<string, unknown> }[];
  return rows.map((r) => ({ seq: Number(r.seq), name: r.name, payload: r.payload }));
}

async function paidOrder(buyer: Person, priceMinor = 4000) {
  const l = await createLiveListing(api, seller, admin, { categoryId, title: `Record ${key()}`, priceMinor, quantity: 1 });
  const started = await client(api).checkout.start.mutate({ idempotencyKey: key(), address, lines: [{ listingId: l.id, quantity: 1, priceMinor }] }, { cookie: buyer.cookie });
  await client(api).checkout.payWithTestCard.mutate({ checkoutId: started.data!.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie });
  return view(started.data!.orders[0]!.id, buyer);
}
const view = async (id: string, who: Person) => (await client(api).orders.get.query({ id }, { cookie: who.cookie })).data!;
const available = async () => (await client(api).ledger.myBalances.query(undefined, { cookie: seller.cookie })).data!.find((b) => b.currency === 'EUR') ?? { availableMinor: 0, pendingMinor: 0 };

describe('fulfilment', () => {
  it('ships with a validated tracking number and a private proof, then releases escrow on receipt', async () => {
    const buyer = await registerUser(api);
    const order = await paidOrder(buyer);
    const before = await available();

    const wrong = await client(api).orders.ship.mutate({ id: order.id, version: order.version, carrier: 'ups', trackingNumber: '12345' }, { cookie: seller.cookie });
    expect(wrong.error?.data.code).toBe('BAD_REQUEST');
    expect(wrong.error?.message).toMatch(/UPS tracking number/);
    const byBuyer = await client(api).orders.ship.mutate({ id: order.id, version: order.version, carrier: 'dpd', trackingNumber: '01234567890123' }, { cookie: buyer.cookie });
    expect(byBuyer.error?.data.code).toBe('FORBIDDEN');

    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')], { type: 'application/pdf' }), 'label.pdf');
    const proof = await fetch(`${api.baseUrl}/uploads/shipment-proofs`, { method: 'POST', headers: { cookie: seller.cookie, origin: 'http://localhost:5173' }, body: form });
    expect(proof.status).toBe(201);
    const proofId = ((await proof.json()) as { id: string; scan: string }).id;

    const shipped = await client(api).orders.ship.mutate({ id: order.id, version: order.version, carrier: 'dpd', trackingNumber: '0123 4567 8901 23', proofId }, { cookie: seller.cookie });
    expect(shipped.data?.state).toBe('shipped');
    const seen = await view(order.id, buyer);
    expect(seen.shipment).toMatchObject({ carrier: 'dpd', trackingNumber: '01234567890123', hasProof: true });
    expect(seen.shipment?.trackingUrl).toContain('01234567890123');
    const file = await fetch(`${api.baseUrl}/files/orders/${order.id}/shipment-proof`, { headers: { cookie: buyer.cookie } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    const stranger = await registerUser(api);
    expect((await fetch(`${api.baseUrl}/files/orders/${order.id}/shipment-proof`, { headers: { cookie: stranger.cookie } })).status).toBe(404);

    const stale = await client(api).orders.markDelivered.mutate({ id: order.id, version: order.version }, { cookie: seller.cookie });
    expect(stale.error?.data.code).toBe('CONFLICT');
    const delivered = await client(api).orders.markDelivered.mutate({ id: order.id, version: shipped.data!.version }, { cookie: seller.cookie });
    expect(delivered.data?.state).toBe('delivered');
    expect((await client(api).orders.confirmReceipt.mutate({ id: order.id, version: delivered.data!.version }, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');
    const completed = await client(api).orders.confirmReceipt.mutate({ id: order.id, version: delivered.data!.version }, { cookie: buyer.cookie });
    expect(completed.data?.state).toBe('completed');

    const after = await available();
    expect(after.availableMinor - before.availableMinor).toBe(order.totalMinor - order.feeMinor);
    expect((await storedStream(order.id)).map((e) => e.name)).toEqual(['order.paid', 'order.ledger_posted', 'order.ledger_posted', 'order.placed', 'order.shipped', 'order.delivered', 'order.completed', 'order.ledger_posted']);
    // The seller reads one entry per step, starting with the order, and what was released to them.
    const net = order.totalMinor - order.feeMinor;
    const timeline = (await view(order.id, seller)).timeline;
    expect(timeline.map((e) => e.title)).toEqual([expect.stringMatching(/^Order placed by /), 'Shipped with DPD', 'Delivered', 'Completed']);
    expect(timeline[0]!.money).toEqual({ amountMinor: net, currency: 'EUR', move: 'held' });
    expect(timeline[3]!.money).toEqual({ amountMinor: net, currency: 'EUR', move: 'released' });
    expect((await reconcileLedger(api.app.db.orm.em.fork())).balanced).toBe(true);
  });

  it('takes one review per completed order (enforced by the database), a seller reply, edits and moderation', async () => {
    const buyer = await registerUser(api);
    const order = await paidOrder(buyer, 3300);
    expect((await client(api).reviews.create.mutate({ orderId: order.id, rating: 5, body: 'Too early' }, { cookie: buyer.cookie })).error?.data.code).toBe('CONFLICT');
    const shipped = await client(api).orders.ship.mutate({ id: order.id, version: order.version, carrier: 'dpd', trackingNumber: '01234567890123' }, { cookie: seller.cookie });
    const delivered = await client(api).orders.markDelivered.mutate({ id: order.id, version: shipped.data!.version }, { cookie: buyer.cookie });
    await client(api).orders.confirmReceipt.mutate({ id: order.id, version: delivered.data!.version }, { cookie: buyer.cookie });

    const attempts = await Promise.all(Array.from({ length: 5 }, () => client(api).reviews.create.mutate({ orderId: order.id, rating: 4, body: 'Great copy, fast shipping' }, { cookie: buyer.cookie })));
    expect(attempts.filter((a) => a.data)).toHaveLength(1);
    expect(attempts.filter((a) => a.error?.data.code === 'CONFLICT')).toHaveLength(4);
    const reviewId = attempts.find((a) => a.data)!.data!.id;
    const conn = api.app.db.orm.em.fork().getConnection();
    await expect(conn.execute(`insert into reviews (id, order_id, buyer_id, seller_id, rating, body, hidden, editable_until, created_at, updated_at) select gen_random_uuid(), order_id, buyer_id, seller_id, 1, '', false, now(), now(), now() from reviews where id = ?`, [reviewId])).rejects.toThrow(/reviews_order_buyer_unique/);
    expect((await client(api).reviews.create.mutate({ orderId: order.id, rating: 9 }, { cookie: buyer.cookie })).error?.data.code).toBe('BAD_REQUEST');

    expect((await client(api).reviews.reply.mutate({ id: reviewId, body: 'Thanks!' }, { cookie: buyer.cookie })).error?.data.code).toBe('NOT_FOUND');
    expect((await client(api).reviews.reply.mutate({ id: reviewId, body: 'Thank you, enjoy it!' }, { cookie: seller.cookie })).data?.sellerReply).toBe('Thank you, enjoy it!');
    expect((await client(api).reviews.reply.mutate({ id: reviewId, body: 'Again' }, { cookie: seller.cookie })).error?.data.code).toBe('CONFLICT');
    expect((await client(api).reviews.edit.mutate({ id: reviewId, rating: 5, body: 'Even better on a second listen' }, { cookie: buyer.cookie })).data?.rating).toBe(5);

    const listingId = (await api.app.db.orm.em.fork().getConnection().execute(`select listing_id from order_items where order_id = ?`, [order.id]))[0] as { listing_id: string };
    const onListing = await client(api).reviews.forListing.query({ listingId: listingId.listing_id });
    expect(onListing.data?.aggregate).toEqual({ count: 1, average: 5 });
    const agent = await registerUser(api, { roles: ['agent'] });
    expect((await client(api).reviews.hide.mutate({ id: reviewId, reason: 'Spam' }, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
    expect((await client(api).reviews.hide.mutate({ id: reviewId, reason: 'Contains personal data' }, { cookie: agent.cookie })).data?.hidden).toBe(true);
    expect((await client(api).reviews.forListing.query({ listingId: listingId.listing_id })).data?.aggregate.count).toBe(0);
    const audit = await conn.execute(`select actor_id, payload from outbox_events where name = 'review.hidden' and payload->>'reviewId' = ?`, [reviewId]);
    expect(audit).toHaveLength(1);
    expect((audit[0] as { actor_id: string }).actor_id).toBe(agent.id);
  });

  it('rebuilds from its events exactly the timeline a live client accumulated', async () => {
    const buyer = await registerUser(api);
    const order = await paidOrder(buyer, 2700);
    const socket = openSocket(api, buyer.cookie);
    await waitFor(socket, 'connect');
    const live: { seq: number; name: string; stream: string }[] = [];
    socket.on('event', (e: { seq: number; name: string; stream: string }) => {
      if (e.stream === `order:${order.id}`) live.push(e);
    });
    expect(await new Promise((r) => socket.emit('subscribe', `order:${order.id}`, r))).toEqual({ ok: true });
    const stranger = openSocket(api, (await registerUser(api)).cookie);
    await waitFor(stranger, 'connect');
    expect(await new Promise((r) => stranger.emit('subscribe', `order:${order.id}`, r))).toEqual({ ok: false, error: 'FORBIDDEN' });
    stranger.disconnect();

    const shipped = await client(api).orders.ship.mutate({ id: order.id, version: order.version, carrier: 'ups', trackingNumber: '1Z999AA10123456784' }, { cookie: seller.cookie });
    const delivered = await client(api).orders.markDelivered.mutate({ id: order.id, version: shipped.data!.version }, { cookie: buyer.cookie });
    await client(api).orders.confirmReceipt.mutate({ id: order.id, version: delivered.data!.version }, { cookie: buyer.cookie });
    await api.app.relay.drain();
    const stored = await storedStream(order.id);
    expect((await view(order.id, buyer)).streamSeq).toBe(stored.at(-1)!.seq);
    const end = Date.now() + 5000;
    while (live.length < stored.length - 4 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    socket.disconnect();
    // The client joined after payment: what it saw live is exactly the tail of the stored timeline.
    const tail = stored.filter((e) => e.seq >= (live[0]?.seq ?? Infinity));
    expect(live.map((e) => [e.seq, e.name])).toEqual(tail.map((e) => [e.seq, e.name]));
    expect(live.map((e) => e.name)).toEqual(['order.shipped', 'order.delivered', 'order.completed', 'order.ledger_posted']);
    expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
  });

  it('auto-completes a delivered order once, however often the timer job runs', async () => {
    const buyer = await registerUser(api);
    const order = await paidOrder(buyer, 2500);
    const shipped = await client(api).orders.ship.mutate({ id: order.id, version: order.version, carrier: 'ups', trackingNumber: '1Z999AA10123456784' }, { cookie: seller.cookie });
    await client(api).orders.markDelivered.mutate({ id: order.id, version: shipped.data!.version }, { cookie: buyer.cookie });
    const job = (await api.app.db.orm.em.fork().getConnection().execute(`select jobs from outbox_events where stream = ? and name = 'order.delivered'`, [`order:${order.id}`]))[0] as { jobs: { name: string; data: { orderId: string; command: string; state: string }; delayMs: number }[] };
    expect(job.jobs).toHaveLength(1);
    expect(job.jobs[0]).toMatchObject({ name: 'orders.timer', data: { command: 'auto_complete', state: 'delivered' }, delayMs: 14 * 86_400_000 });
    const settings = { autoCompleteAfterMs: 14 * 86_400_000 };
    const runs = await Promise.all(Array.from({ length: 5 }, () => fireOrderTimer(api.app.db.orm.em.fork(), job.jobs[0]!.data, settings, new Date())));
    expect(runs.filter((r) => r === 'fired')).toHaveLength(1);
    const done = await view(order.id, buyer);
    expect(done.state).toBe('completed');
    expect((await storedStream(order.id)).filter((e) => e.name === 'order.ledger_posted' && e.payload.code === 'escrow_release')).toHaveLength(1);
    expect(done.timeline.filter((e) => e.kind === 'order.completed')).toHaveLength(1);
  });

  it('cancels a paid order before shipment: refunds through the provider and voids the hold', async () => {
    const buyer = await registerUser(api);
    const order = await paidOrder(buyer, 3000);
    const noReason = await client(api).orders.cancel.mutate({ id: order.id, version: order.version, reason: '' }, { cookie: buyer.cookie });
    expect(noReason.error?.data.code).toBe('BAD_REQUEST');
    const cancelled = await client(api).orders.cancel.mutate({ id: order.id, version: order.version, reason: 'Ordered the wrong pressing' }, { cookie: buyer.cookie });
    expect(cancelled.data?.state).toBe('cancelled');
    const hold = await api.app.db.orm.em.fork().getConnection().execute(`select status from ledger_transfers where id = ?`, [`order:${order.id}:hold`]);
    expect((hold[0] as { status: string }).status).toBe('voided');
    // The refund is sent by the worker once the cancellation committed.
    expect(await refundsOf(stripe, order.totalMinor)).toHaveLength(1);
    const again = await client(api).orders.cancel.mutate({ id: order.id, version: order.version, reason: 'Twice' }, { cookie: buyer.cookie });
    expect(again.error?.data.code).toBe('CONFLICT');
    expect((await reconcileLedger(api.app.db.orm.em.fork())).balanced).toBe(true);
  });
});
