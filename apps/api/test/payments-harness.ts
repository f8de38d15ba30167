// An API wired to a local Stripe-compatible server with signed webhooks, and a paid order bought
// through the real checkout (test card): the set-up every payments-facing test starts from.
import { startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { address, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, startApi, until, type RunningApi } from './harness.js';

export async function startApiWithPayments(overrides: Record<string, string> = {}): Promise<{ api: RunningApi; stripe: StripeServer; close(): Promise<void> }> {
  const secret = 'whsec_local_test';
  const stripe = await startStripeServer({ port: 0 });
  const api = await startApi({ STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stripe.url, ...overrides });
  stripe.setWebhook({ url: `${api.baseUrl}/webhooks/stripe`, secret });
  return {
    api,
    stripe,
    async close() {
      await api.close();
      await stripe.close();
    },
  };
}

/** A fresh listing of `seller` (approved by `reviewer`) bought by `buyer` with the test card. */
export async function buyWithTestCard(api: RunningApi, people: { buyer: Person; seller: Person; reviewer: Person }, listing: { categoryId: string; priceMinor?: number; quantity?: number }) {
  const priceMinor = listing.priceMinor ?? 4000;
  const l = await createLiveListing(api, people.seller, people.reviewer, { categoryId: listing.categoryId, title: `Record ${key()}`, priceMinor, quantity: listing.quantity ?? 1 });
  const started = await client(api).checkout.start.mutate({ idempotencyKey: key(), address, lines: [{ listingId: l.id, quantity: 1, priceMinor }] }, { cookie: people.buyer.cookie });
  if (!started.data) throw new Error(`checkout.start failed: ${JSON.stringify(started.error)}`);
  const paid = await client(api).checkout.payWithTestCard.mutate({ checkoutId: started.data.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: people.buyer.cookie });
  if (paid.error) throw new Error(`payWithTestCard failed: ${JSON.stringify(paid.error)}`);
  const order = (await client(api).orders.get.query({ id: started.data.orders[0]!.id }, { cookie: people.buyer.cookie })).data!;
  return { order, listingId: l.id, checkoutId: started.data.checkoutId };
}

/** The refunds the local provider holds (newest first). */
export async function providerRefunds(stripe: StripeServer): Promise<{ id: string; amount: number; status: string }[]> {
  const res = await fetch(`${stripe.url}/v1/refunds?limit=100`, { headers: { authorization: 'Bearer sk_test_marketdesk' } });
  return ((await res.json()) as { data: { id: string; amount: number; status: string }[] }).data;
}

/**
 * Refunds are effects: the worker sends them once the move that promised them commits (the API must
 * run with WORKER_IN_PROCESS). Waits until the provider holds a refund of `amountMinor`, then gives
 * every refund of that amount, so callers can check there is exactly one.
 */
export async function refundsOf(stripe: StripeServer, amountMinor: number) {
  const all = await until(() => providerRefunds(stripe), (refunds) => refunds.some((r) => r.amount === amountMinor));
  return all.filter((r) => r.amount === amountMinor);
}
