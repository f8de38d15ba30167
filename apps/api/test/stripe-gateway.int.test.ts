// The Stripe gateway against the local Stripe-compatible server, through the real `stripe` SDK:
// payments, declines, idempotency, refunds, Connect transfers, payouts, and signed webhooks.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { API_VERSION as LOCAL_API_VERSION, startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { GatewayError, stripeConfigSchema, type GatewayEvent } from '../src/integrations/stripe/index.js';
import { STRIPE_API_VERSION, StripeGateway } from '../src/integrations/stripe/stripe-gateway.js';

const SECRET_KEY = 'sk_test_marketdesk_local';
const WEBHOOK_SECRET = 'whsec_marketdesk_local_test';

interface Received {
  body: string;
  signature: string | undefined;
}

let server: StripeServer;
let receiver: Server;
let received: Received[] = [];
let gateway: StripeGateway;
let keySeq = 0;
const key = (label: string) => `test-${label}-${Date.now()}-${++keySeq}`;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['stripe-signature'] as string | undefined });
      res.writeHead(200).end('{"received":true}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
  server = await startStripeServer({ port: 0, webhook: { url: hookUrl, secret: WEBHOOK_SECRET } });
  const env = stripeConfigSchema.parse({ STRIPE_SECRET_KEY: SECRET_KEY, STRIPE_API_BASE: server.url, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
  gateway = new StripeGateway({ secretKey: env.STRIPE_SECRET_KEY!, webhookSecret: env.STRIPE_WEBHOOK_SECRET!, apiBase: env.STRIPE_API_BASE });
});

afterAll(async () => {
  await server?.close();
  await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
});

/** Waits for webhook delivery, then verifies and maps every delivery received so far. */
async function deliveredEvents(): Promise<GatewayEvent[]> {
  await server.flushWebhooks();
  return received.map((r) => gateway.parseWebhook(r.body, r.signature));
}

async function paidPayment(amountMinor: number, currency = 'eur') {
  const payment = await gateway.createPayment({ orderId: `ord_${++keySeq}`, amountMinor, currency, idempotencyKey: key('pay') });
  const confirmed = await gateway.confirmTestPayment({ providerPaymentId: payment.providerPaymentId, card: 'visa' });
  expect(confirmed.outcome).toBe('succeeded');
  return payment;
}

async function expectGatewayError(promise: Promise<unknown>, code: string): Promise<GatewayError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GatewayError);
  expect((err as GatewayError).code).toBe(code);
  return err as GatewayError;
}

describe('StripeGateway against the local Stripe server', () => {
  it('creates a payment and confirms it with a test card; the success webhook verifies and maps', async () => {
    received = [];
    const payment = await gateway.createPayment({ orderId: 'ord_100', amountMinor: 2599, currency: 'EUR', idempotencyKey: key('create') });
    expect(payment.providerPaymentId).toMatch(/^pi_[A-Za-z0-9]+$/);
    expect(payment.clientSecret).toMatch(new RegExp(`^${payment.providerPaymentId}_secret_`));
    expect(payment).toMatchObject({ status: 'requires_payment_method', amountMinor: 2599, currency: 'eur' });

    const confirmed = await gateway.confirmTestPayment({ providerPaymentId: payment.providerPaymentId, card: 'visa' });
    expect(confirmed).toMatchObject({ outcome: 'succeeded', status: 'succeeded' });
    if (confirmed.outcome !== 'declined') expect(confirmed.providerChargeId).toMatch(/^ch_/);

    const events = await deliveredEvents();
    const succeeded = events.find((e) => e.type === 'payment.succeeded');
    expect(succeeded).toMatchObject({
      type: 'payment.succeeded',
      providerPaymentId: payment.providerPaymentId,
      orderId: 'ord_100',
      amountMinor: 2599,
      currency: 'eur',
      accountId: null,
    });
    expect(succeeded?.eventId).toMatch(/^evt_/);
  });

  it('reports a declined card as an outcome and delivers payment_intent.payment_failed', async () => {
    received = [];
    const payment = await gateway.createPayment({ orderId: 'ord_101', amountMinor: 1000, currency: 'eur', idempotencyKey: key('create') });
    const confirmed = await gateway.confirmTestPayment({ providerPaymentId: payment.providerPaymentId, card: 'declined' });
    expect(confirmed).toEqual({ outcome: 'declined', status: 'requires_payment_method', declineCode: 'generic_decline', message: 'Your card was declined.' });

    const events = await deliveredEvents();
    expect(events.find((e) => e.type === 'payment.failed')).toMatchObject({
      providerPaymentId: payment.providerPaymentId,
      orderId: 'ord_101',
      failureCode: 'generic_decline',
    });
    // The buyer can retry the same intent with another card.
    const retried = await gateway.confirmTestPayment({ providerPaymentId: payment.providerPaymentId, card: 'visa' });
    expect(retried.outcome).toBe('succeeded');
  });

  it('replays the same PaymentIntent for a retried idempotency key and refuses a reused key with other params', async () => {
    const idempotencyKey = key('idem');
    const input = { orderId: 'ord_102', amountMinor: 4200, currency: 'eur', idempotencyKey };
    const before = [...server.state.objects.values()].filter((o) => o.object === 'payment_intent').length;
    const first = await gateway.createPayment(input);
    const second = await gateway.createPayment(input);
    expect(second.providerPaymentId).toBe(first.providerPaymentId);
    expect(second.clientSecret).toBe(first.clientSecret);
    expect([...server.state.objects.values()].filter((o) => o.object === 'payment_intent').length).toBe(before + 1);

    const err = await expectGatewayError(gateway.createPayment({ ...input, amountMinor: 4300 }), 'idempotency_conflict');
    expect(err.message).toMatch(/same parameters/);
  });

  it('survives a lost response: the SDK retries with the same idempotency key and nothing is created twice', async () => {
    const count = () => [...server.state.objects.values()].filter((o) => o.object === 'payment_intent').length;
    const before = count();
    server.dropNextResponses(1);
    const payment = await gateway.createPayment({ orderId: 'ord_103', amountMinor: 990, currency: 'eur', idempotencyKey: key('lost') });
    expect(server.state.faults.dropResponses).toBe(0);
    expect(count()).toBe(before + 1);
    expect(server.state.objects.get(payment.providerPaymentId)).toMatchObject({ amount: 990 });
  });

  it('refunds partially, then fully, and refuses over-refunds; a retried refund is not applied twice', async () => {
    received = [];
    const payment = await paidPayment(1000);
    const refundKey = key('refund');
    const partial = await gateway.refund({ providerPaymentId: payment.providerPaymentId, amountMinor: 400, idempotencyKey: refundKey });
    expect(partial).toMatchObject({ amountMinor: 400, currency: 'eur', status: 'succeeded' });
    expect(partial.providerRefundId).toMatch(/^re_/);
    const replay = await gateway.refund({ providerPaymentId: payment.providerPaymentId, amountMinor: 400, idempotencyKey: refundKey });
    expect(replay.providerRefundId).toBe(partial.providerRefundId);

    const over = await expectGatewayError(
      gateway.refund({ providerPaymentId: payment.providerPaymentId, amountMinor: 601, idempotencyKey: key('refund') }),
      'amount_exceeds_refundable',
    );
    expect(over.providerCode).toBe('amount_too_large');

    const rest = await gateway.refund({ providerPaymentId: payment.providerPaymentId, idempotencyKey: key('refund') });
    expect(rest.amountMinor).toBe(600);
    await expectGatewayError(gateway.refund({ providerPaymentId: payment.providerPaymentId, idempotencyKey: key('refund') }), 'already_refunded');

    const refunds = (await deliveredEvents()).filter((e) => e.type === 'payment.refunded');
    expect(refunds.map((e) => (e.type === 'payment.refunded' ? [e.amountRefundedMinor, e.fullyRefunded] : null))).toEqual([
      [400, false],
      [1000, true],
    ]);
  });

  it('transfers to a seller account and pays out: paid and failed via the test control endpoint', async () => {
    received = [];
    await paidPayment(5000, 'usd');
    const { accountId } = await gateway.createSellerAccount({ email: 's@marketdesk.test', country: 'us', sellerId: 'seller_1', idempotencyKey: key('acct') });
    expect(accountId).toMatch(/^acct_/);
    const transfer = await gateway.transferToSeller({ sellerAccountId: accountId, amountMinor: 4000, currency: 'USD', idempotencyKey: key('tr'), transferGroup: 'ord_200' });
    expect(transfer).toMatchObject({ amountMinor: 4000, currency: 'usd' });
    expect(transfer.providerTransferId).toMatch(/^tr_/);
    await expectGatewayError(
      gateway.transferToSeller({ sellerAccountId: 'acct_doesnotexist', amountMinor: 1, currency: 'usd', idempotencyKey: key('tr') }),
      'not_found',
    );

    const paid = await gateway.createPayout({ sellerAccountId: accountId, amountMinor: 1500, currency: 'usd', payoutId: 'pay_1', idempotencyKey: key('po') });
    const failed = await gateway.createPayout({ sellerAccountId: accountId, amountMinor: 1000, currency: 'usd', payoutId: 'pay_2', idempotencyKey: key('po') });
    expect(paid).toMatchObject({ status: 'pending', amountMinor: 1500 });
    expect(paid.providerPayoutId).toMatch(/^po_/);
    await expectGatewayError(
      gateway.createPayout({ sellerAccountId: accountId, amountMinor: 2000, currency: 'usd', payoutId: 'pay_3', idempotencyKey: key('po') }),
      'insufficient_balance',
    );

    for (const [id, status] of [[paid.providerPayoutId, 'paid'], [failed.providerPayoutId, 'failed']] as const) {
      const res = await fetch(`${server.url}/_test/payouts/${id}/settle`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
      expect(res.status).toBe(200);
    }
    const balance = await gateway.stripe.balance.retrieve({}, { stripeAccount: accountId });
    // 4000 transferred − 1500 paid out; the failed 1000 came back.
    expect(balance.available).toEqual([{ amount: 2500, currency: 'usd' }]);

    const events = await deliveredEvents();
    expect(events.find((e) => e.type === 'payout.paid')).toMatchObject({ providerPayoutId: paid.providerPayoutId, accountId, amountMinor: 1500 });
    expect(events.find((e) => e.type === 'payout.failed')).toMatchObject({
      providerPayoutId: failed.providerPayoutId,
      accountId,
      failureCode: 'account_closed',
    });
    const listed = await gateway.stripe.events.list({ type: 'payout.paid' }, { stripeAccount: accountId });
    expect(listed.data.map((e) => e.id)).toHaveLength(1);
  });

  it('delivers a dispute opened through the control endpoint', async () => {
    received = [];
    const payment = await paidPayment(3000);
    const res = await fetch(`${server.url}/_test/charges/${payment.providerPaymentId}/dispute`, { method: 'POST' });
    expect(res.status).toBe(200);
    const events = await deliveredEvents();
    expect(events.find((e) => e.type === 'dispute.created')).toMatchObject({ providerPaymentId: payment.providerPaymentId, amountMinor: 3000, reason: 'fraudulent' });
  });

  it('rejects tampered, foreign-secret and missing webhook signatures', async () => {
    received = [];
    await paidPayment(700);
    await server.flushWebhooks();
    const delivery = received[0];
    expect(delivery?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const body = delivery?.body ?? '';
    expect(() => gateway.parseWebhook(body, delivery?.signature)).not.toThrow();
    const tamperedBody = body.replace('"amount": 700', '"amount": 70000');
    expect(tamperedBody).not.toBe(body);
    const bad = [
      () => gateway.parseWebhook(tamperedBody, delivery?.signature),
      () => gateway.parseWebhook(body, delivery?.signature?.replace(/v1=./, (m) => (m.endsWith('0') ? 'v1=1' : 'v1=0'))),
      () => gateway.parseWebhook(body, gateway.stripe.webhooks.generateTestHeaderString({ payload: body, secret: 'whsec_someone_else' })),
      () => gateway.parseWebhook(body, undefined),
      // Correctly signed, but outside the 300 s tolerance window: a replayed old delivery.
      () =>
        gateway.parseWebhook(
          body,
          gateway.stripe.webhooks.generateTestHeaderString({ payload: body, secret: WEBHOOK_SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 }),
        ),
    ];
    for (const attempt of bad) {
      expect(attempt).toThrow(GatewayError);
      try {
        attempt();
      } catch (err) {
        expect((err as GatewayError).code).toBe('invalid_signature');
      }
    }
  });
});

describe('the pinned Stripe API version', () => {
  it('is the SDK\'s own, sent on every request, answered by the local server and carried by its events', async () => {
    expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION);
    expect(LOCAL_API_VERSION).toBe(STRIPE_API_VERSION);
    const answered: (string | undefined)[] = [];
    const onResponse = (event: { api_version?: string }) => answered.push(event.api_version);
    gateway.stripe.on('response', onResponse);
    received = [];
    try {
      await paidPayment(1200);
    } finally {
      gateway.stripe.off('response', onResponse);
    }
    expect(answered).toEqual([STRIPE_API_VERSION, STRIPE_API_VERSION]);
    await server.flushWebhooks();
    expect(received.map((r) => (JSON.parse(r.body) as { api_version: string }).api_version)).toContain(STRIPE_API_VERSION);
  });

  it('the local server answers in the version a request names, and refuses one that is not a version', async () => {
    const auth = { authorization: `Bearer ${SECRET_KEY}` };
    const older = await fetch(`${server.url}/v1/balance`, { headers: { ...auth, 'stripe-version': '2024-06-20' } });
    expect(older.status).toBe(200);
    expect(older.headers.get('stripe-version')).toBe('2024-06-20');
    const unnamed = await fetch(`${server.url}/v1/balance`, { headers: auth });
    expect(unnamed.headers.get('stripe-version')).toBe(STRIPE_API_VERSION);
    const bad = await fetch(`${server.url}/v1/balance`, { headers: { ...auth, 'stripe-version': 'latest' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { type: 'invalid_request_error', message: 'Invalid Stripe API version: latest' } });
  });
});

describe('Stripe statuses this integration does not know', () => {
  // A provider that answers in statuses a later API version or another payment method could bring:
  // the real SDK parses them, the gateway must not read any of them as money having moved.
  let odd: Server;
  let oddGateway: StripeGateway;
  const replies: Record<string, Record<string, unknown>> = {};
  beforeAll(async () => {
    odd = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const body = replies[`${req.method} ${(req.url ?? '').split('?')[0]}`];
        res.writeHead(body ? 200 : 404, { 'content-type': 'application/json', 'request-id': 'req_odd', 'stripe-version': STRIPE_API_VERSION });
        res.end(JSON.stringify(body ?? { error: { type: 'invalid_request_error', message: 'no reply set' } }));
      });
    });
    await new Promise<void>((r) => odd.listen(0, '127.0.0.1', r));
    oddGateway = new StripeGateway({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET, apiBase: `http://127.0.0.1:${(odd.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    await new Promise<void>((r) => (odd ? odd.close(() => r()) : r()));
  });
  const intent = (status: string) => ({ id: 'pi_odd', object: 'payment_intent', status, amount: 500, currency: 'eur', client_secret: 'pi_odd_secret_x', latest_charge: 'ch_odd', metadata: {} });

  it('a confirmation that leaves the intent processing, or in an unknown status, is not a payment', async () => {
    for (const status of ['processing', 'requires_action', 'partially_funded_somehow']) {
      replies['POST /v1/payment_intents/pi_odd/confirm'] = intent(status);
      const err = await expectGatewayError(oddGateway.confirmTestPayment({ providerPaymentId: 'pi_odd', card: 'visa' }), 'invalid_state');
      expect(err.message).toContain(`"${status}"`);
    }
    replies['POST /v1/payment_intents/pi_odd/confirm'] = intent('succeeded');
    expect(await oddGateway.confirmTestPayment({ providerPaymentId: 'pi_odd', card: 'visa' })).toEqual({ outcome: 'succeeded', status: 'succeeded', providerChargeId: 'ch_odd' });
  });

  it('refuses a new payment in an unknown status, and reads unknown refund and payout statuses as not final', async () => {
    replies['POST /v1/payment_intents'] = intent('requires_something_new');
    await expectGatewayError(oddGateway.createPayment({ orderId: 'ord_odd', amountMinor: 500, currency: 'eur', idempotencyKey: key('odd') }), 'invalid_state');
    replies['POST /v1/refunds'] = { id: 're_odd', object: 'refund', amount: 500, currency: 'eur', status: 'reversed_later' };
    expect(await oddGateway.refund({ providerPaymentId: 'pi_odd', idempotencyKey: key('odd') })).toMatchObject({ providerRefundId: 're_odd', status: 'pending' });
    replies['POST /v1/payouts'] = { id: 'po_odd', object: 'payout', amount: 500, currency: 'eur', status: 'held_for_review' };
    expect(await oddGateway.createPayout({ amountMinor: 500, currency: 'eur', payoutId: 'p1', idempotencyKey: key('odd') })).toMatchObject({ providerPayoutId: 'po_odd', status: 'pending' });
  });
});

describe('local Stripe server wire format', () => {
  it('answers a request without a key with a Stripe-shaped 401', async () => {
    const res = await fetch(`${server.url}/v1/payment_intents`, { method: 'POST', body: 'amount=100&currency=eur' });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/did not provide an API key/);
  });

  it('parses nested metadata and expand[] and returns Stripe errors for missing params and ids', async () => {
    const auth = { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/x-www-form-urlencoded' };
    const form = 'amount=1234&currency=eur&metadata[order_id]=ord%20300&metadata[note]=a%26b+c&payment_method=pm_card_visa&confirm=true&expand[]=latest_charge';
    const res = await fetch(`${server.url}/v1/payment_intents`, { method: 'POST', headers: auth, body: form });
    expect(res.status).toBe(200);
    const pi = (await res.json()) as { status: string; metadata: Record<string, string>; latest_charge: { object: string; amount: number } };
    expect(pi.status).toBe('succeeded');
    expect(pi.metadata).toEqual({ order_id: 'ord 300', note: 'a&b c' });
    expect(pi.latest_charge).toMatchObject({ object: 'charge', amount: 1234 });

    const missing = await fetch(`${server.url}/v1/payment_intents`, { method: 'POST', headers: auth, body: 'currency=eur' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'parameter_missing', param: 'amount' } });

    const unknown = await fetch(`${server.url}/v1/payment_intents/pi_nope`, { headers: auth });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'resource_missing', message: "No such payment_intent: 'pi_nope'" } });
  });
});
