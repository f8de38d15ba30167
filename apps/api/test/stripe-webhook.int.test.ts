// Webhooks from the (local, Stripe-compatible) provider reach POST /webhooks/stripe, are verified
// with the real SDK, recorded once per event id and announced through the outbox.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { startApi, type RunningApi } from './harness.js';

const secret = 'whsec_marketdesktest';
let stripe: StripeServer;
let api: RunningApi;

beforeAll(async () => {
  stripe = await startStripeServer({ port: 0 });
  api = await startApi({ STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stripe.url });
  stripe.setWebhook({ url: `${api.baseUrl}/webhooks/stripe`, secret });
});
afterAll(async () => {
  await api.close();
  await stripe.close();
});

// Other test files share the database: look only at this file's payments.
const rows = async (type: string) =>
  (await api.app.db.orm.em.fork().getConnection().execute(`select id from provider_webhook_events where type = ? and payload->>'orderId' like 'webhook-test-%'`, [type])) as { id: string }[];

it('records a payment webhook once and announces it', async () => {
  const gateway = api.app.gateway!;
  const payment = await gateway.createPayment({ orderId: 'webhook-test-1', amountMinor: 2500, currency: 'EUR', idempotencyKey: 'pay-1' });
  await gateway.confirmTestPayment({ providerPaymentId: payment.providerPaymentId, card: 'visa' });
  await stripe.flushWebhooks();
  const recorded = await rows('payment.succeeded');
  expect(recorded).toHaveLength(1);
  await api.app.relay.drain();
  const events = (await api.app.db.orm.em.fork().getConnection().execute(
    `select payload from outbox_events where name = 'payment.webhook.received'`,
  )) as { payload: { eventId: string } }[];
  expect(events.map((e) => e.payload.eventId)).toContain(recorded[0]!.id);
});

it('ignores a redelivered event and refuses a bad signature', async () => {
  const [event] = await rows('payment.succeeded');
  const count = async () => (await api.app.db.orm.em.fork().getConnection().execute(`select count(*)::int n from provider_webhook_events`))[0]!.n;
  const stored = await count();
  // Replay: post the same provider event again, correctly signed, as Stripe does on retries.
  const { default: Stripe } = await import('stripe');
  const body = JSON.stringify((await (await fetch(`${stripe.url}/v1/events/${event!.id}`, { headers: { authorization: 'Bearer sk_test_marketdesk' } })).json()));
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret });
  const again = await fetch(`${api.baseUrl}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': header }, body });
  expect(await again.json()).toEqual({ received: true, duplicate: true });
  expect(await count()).toBe(stored);

  const forged = await fetch(`${api.baseUrl}/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=deadbeef' }, body });
  expect(forged.status).toBe(400);
});
