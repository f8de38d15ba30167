// A settled dispute shows its outcome and history, and no actions (issue 16, item 9): no Claim, no
// "What happens by itself" after the money has moved.
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiQuery, apiSignIn, apiURL, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

const address = { name: 'Dee Spute', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
interface Row { id: string; subjectId: string; version: number }

test('a resolved dispute shows who settled it, the refund and its history, and offers nothing to do', async ({ page }) => {
  test.slow();
  const tag = unique('settled').replace(/-/g, '');
  const [seller, admin, agent] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email), apiSignIn(demo.agent1.email)]);
  const listing = await createLiveListing(seller, admin, { title: `Settled Record ${tag}`, artist: 'Test Artist', priceMinor: 4000, quantity: 1 });
  const email = `${tag}@example.test`;
  const reg = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password: 'correct horse battery', displayName: 'Dee Spute' } }) });
  expect(reg.ok).toBe(true);
  const buyer = await apiSignIn(email, 'correct horse battery');
  const started = await apiMutate<{ checkoutId: string; orders: { id: string }[] }>(buyer, 'checkout.start', { idempotencyKey: `k-${tag}`, address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 4000 }] });
  await apiMutate(buyer, 'checkout.payWithTestCard', { checkoutId: started.checkoutId, card: 'visa', idempotencyKey: `p-${tag}` });
  const orderId = started.orders[0]!.id;
  await expect.poll(async () => (await apiQuery<{ state: string }>(buyer, 'orders.get', { id: orderId })).state, { timeout: 20_000 }).toBe('paid');
  const paid = await apiQuery<{ version: number }>(buyer, 'orders.get', { id: orderId });
  await apiMutate(seller, 'orders.ship', { id: orderId, version: paid.version, carrier: 'dpd', trackingNumber: '01234567890123' });
  const shipped = await apiQuery<{ version: number }>(buyer, 'orders.get', { id: orderId });
  const dispute = await apiMutate<{ id: string }>(buyer, 'disputes.open', { orderId, version: shipped.version, reason: 'damaged', description: 'The sleeve arrived torn at the seam.' });

  // Alex works it and settles it with a €10 refund (the flow itself is covered in dispute-refund.spec.ts).
  const rowOf = async () => (await apiQuery<{ items: Row[] }>(agent, 'queues.list', { queue: 'disputes', filter: { states: ['open', 'under_review', 'split'] }, limit: 200 })).items.find((r) => r.subjectId === dispute.id)!;
  const claimed = await apiMutate<Row>(agent, 'queues.claim', { id: (await rowOf()).id });
  await apiMutate(agent, 'disputes.act', { id: claimed.id, version: claimed.version, action: 'start_review' });
  const reviewing = await rowOf();
  await apiMutate(agent, 'disputes.resolve', { id: reviewing.id, version: reviewing.version, outcome: 'split', buyerShareMinor: 1000, note: 'Partial refund for the torn sleeve.' });

  await signInToConsole(page, demo.agent1.email);
  await page.goto(`${consoleURL}/queues/disputes?item=${reviewing.id}`);
  const drawer = page.getByRole('dialog', { name: /damaged|Settled Record/i }).or(page.getByRole('dialog')).first();
  await expect(drawer.getByRole('alert', { name: 'Decided' })).toContainText(/resolved this \d+ (s|min) ago/, { timeout: 15_000 });
  await expect(drawer.getByLabel('Settlement')).toContainText('€10.00 refunded to the buyer');
  await expect(drawer.getByLabel('Settlement')).toContainText('Partial refund for the torn sleeve.');
  await expect(drawer.getByText('What happens by itself')).toHaveCount(0);
  await expect(drawer.getByText(/The dispute closes/)).toHaveCount(0);
  for (const action of ['Claim', 'Release', 'Resolve…', 'Ask the seller', 'Escalate']) await expect(drawer.getByRole('button', { name: action, exact: true })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/hc/closed-dispute.png' });
  await drawer.getByRole('tab', { name: 'History' }).click();
  await expect(drawer.getByRole('list', { name: 'History' })).toContainText('resolved it');
});
