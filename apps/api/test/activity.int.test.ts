// The Team activity feed through the API: every entry is a sentence with names and numbers looked
// up (never an event code or a stream name), linking to the thing it is about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTRPCClient, httpLink } from '@trpc/client';
import superjson from 'superjson';
import type { AppRouter } from '../src/routers/_app.js';
import { createCategory, type Person } from './catalog-fixtures.js';
import { buyWithTestCard, startApiWithPayments } from './payments-harness.js';
import { allowedOrigin, registerUser, until, type RunningApi } from './harness.js';

let api: RunningApi;
let closeAll: () => Promise<void>;
let admin: Person;

beforeAll(async () => {
  ({ api, close: closeAll } = await startApiWithPayments({ WORKER_IN_PROCESS: 'true' }));
  admin = await registerUser(api, { roles: ['admin', 'agent'], displayName: 'Dana Lead' });
});
afterAll(async () => {
  await closeAll();
});

const as = (who: Person) => createTRPCClient<AppRouter>({ links: [httpLink({ url: `${api.baseUrl}/trpc`, transformer: superjson, headers: { cookie: who.cookie, origin: allowedOrigin } })] });

describe('Team activity', () => {
  it('reads as sentences with names and links, not codes', async () => {
    const [seller, buyer] = await Promise.all([registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Sol Seller' }), registerUser(api, { displayName: 'Bea Buyer' })]);
    const { order } = await buyWithTestCard(api, { buyer, seller, reviewer: admin }, { categoryId: (await createCategory(api)).id, priceMinor: 5000 });
    const number = (await as(buyer).orders.get.query({ id: order.id })).number;
    // The provider's webhook for the payment arrives on its own time.
    const feed = await until(() => as(admin).activity.list.query({ limit: 100 }), (entries) => entries.some((e) => e.name === 'payment.webhook.received'));

    const placed = feed.find((e) => e.name === 'order.placed' && e.subject?.kind === 'order' && e.subject.orderId === order.id);
    expect(placed).toMatchObject({ text: `Bea Buyer placed order ${number} (€65.45) with Sol Seller`, subject: { kind: 'order', orderId: order.id }, tone: 'good' });
    expect(feed.find((e) => e.name === 'payment.webhook.received')?.text).toBe('The payment provider reported a successful payment');
    expect(feed.find((e) => e.name === 'user.registered' && e.text.startsWith('Bea Buyer'))?.text).toBe('Bea Buyer joined Marketdesk');
    for (const entry of feed) {
      expect(entry.text).not.toContain(entry.name);
      expect(entry.text).not.toContain(entry.stream);
    }
  });
});
