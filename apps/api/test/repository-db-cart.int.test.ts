// The cart through db(em): lines in the order they were added, a line set again keeps its place
// with the new quantity, and what a checkout reserved leaves the buyer's cart and nobody else's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { cartRepository } from '../src/repositories/cart-repository.js';
import { address, createCategory, createLiveListing, type Person } from './catalog-fixtures.js';
import { client, registerUser, startApi, type RunningApi } from './harness.js';

let api: RunningApi;
let seller: Person;
let admin: Person;
let categoryId: string;
let stripe: StripeServer;

beforeAll(async () => {
  // Checkout needs payments configured: the local Stripe stands in.
  stripe = await startStripeServer({ port: 0 });
  api = await startApi({ STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: 'whsec_carttest', STRIPE_API_BASE: stripe.url });
  [seller, admin] = await Promise.all([registerUser(api, { roles: ['seller'] }), registerUser(api, { roles: ['admin'] })]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  await api?.close();
  await stripe?.close();
});

it('keeps lines in the order added, sets a quantity in place, and takes out what a checkout reserved', async () => {
  const em = api.app.db.orm.em.fork();
  const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((t) => createLiveListing(api, seller, admin, { categoryId, title: `Cart ${t} ${randomUUID().slice(0, 6)}`, priceMinor: 1000, quantity: 5 })));
  const [buyer, other] = await Promise.all([registerUser(api, { roles: ['buyer'] }), registerUser(api, { roles: ['buyer'] })]);
  const t0 = new Date('2026-03-04T05:06:07.000Z');
  const at = (s: number) => new Date(t0.getTime() + s * 1000);

  await cartRepository.setLine(em, buyer.id, { listingId: a!.id, quantity: 1 }, at(0));
  await cartRepository.insertLine(em, buyer.id, { listingId: b!.id, quantity: 2 }, at(1));
  await cartRepository.setLine(em, buyer.id, { listingId: c!.id, quantity: 1 }, at(2));
  await cartRepository.setLine(em, buyer.id, { listingId: a!.id, quantity: 3 }, at(3));
  expect(await cartRepository.lines(em, buyer.id)).toEqual([
    { listingId: a!.id, quantity: 3 },
    { listingId: b!.id, quantity: 2 },
    { listingId: c!.id, quantity: 1 },
  ]);

  await cartRepository.removeLine(em, buyer.id, c!.id);
  await cartRepository.setLine(em, other.id, { listingId: a!.id, quantity: 1 }, at(0));
  const started = await client(api).checkout.start.mutate({ idempotencyKey: randomUUID(), address, lines: [{ listingId: a!.id, quantity: 3, priceMinor: 1000 }] }, { cookie: buyer.cookie });
  expect(started.error).toBeUndefined();
  await cartRepository.removeCheckedOut(em, buyer.id, started.data!.checkoutId);
  expect(await cartRepository.lines(em, buyer.id)).toEqual([{ listingId: b!.id, quantity: 2 }]);
  expect(await cartRepository.lines(em, other.id)).toEqual([{ listingId: a!.id, quantity: 1 }]);

  await cartRepository.clear(em, buyer.id);
  expect(await cartRepository.lines(em, buyer.id)).toEqual([]);
  expect(await cartRepository.lines(em, other.id)).toHaveLength(1);
});
