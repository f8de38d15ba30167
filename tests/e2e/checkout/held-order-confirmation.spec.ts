// A checkout the fraud checks hold (issue 22, item 4): the buyer's confirmation said "We sent the
// order to the seller" while the order was "Being checked" and the seller had not been told. It
// says what is true — the payment is safe, the order is being checked, what happens next — and
// changes by itself once a person approves the order.
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiQuery, apiSignIn, apiURL, createLiveListing } from '../../fixtures/api';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL, storefrontURL } from '../../fixtures/urls';

const address = { name: 'Hal Held', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

test('a held order’s confirmation says it is being checked, then that it went to the seller once approved', async ({ page }) => {
  const tag = unique('held').replace(/-/g, '');
  const [seller, admin, agent] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email), apiSignIn(demo.agent1.email)]);
  const listing = await createLiveListing(seller, admin, { title: `Kate Bush – Hounds of Love ${tag}`, artist: 'Kate Bush', priceMinor: 3500, quantity: 1 });

  // A new buyer whom staff flagged: their next checkout is held for review.
  const email = `${tag}@example.test`;
  const password = 'correct horse battery';
  const reg = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password, displayName: 'Hal Held' } }) });
  expect(reg.ok).toBe(true);
  const buyerCookie = await apiSignIn(email, password);
  const me = await apiQuery<{ id: string }>(buyerCookie, 'auth.me');
  await apiMutate(agent, 'risk.flag', { userId: me.id, note: 'Test: hold this buyer’s orders' });
  const started = await apiMutate<{ checkoutId: string; orders: { id: string }[] }>(buyerCookie, 'checkout.start', { idempotencyKey: `k-${tag}`, address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 3500 }] });
  await apiMutate(buyerCookie, 'checkout.payWithTestCard', { checkoutId: started.checkoutId, card: 'visa', idempotencyKey: `p-${tag}` });

  await page.setViewportSize({ width: 1200, height: 1000 });
  await page.goto(`${storefrontURL}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(`${storefrontURL}/orders/confirmation/${started.checkoutId}`);

  await expect(page.getByRole('heading', { name: 'Thank you — we are checking your order' })).toBeVisible();
  await expect(page.getByText('Paid · being checked')).toBeVisible();
  await expect(page.getByText(/Your payment is safe: Marketdesk holds it, and the seller has not been told yet\./)).toBeVisible();
  await expect(page.getByText(/If all is well, the seller is told and ships as usual; if we cannot accept it, your payment for it is refunded to your card in full\./)).toBeVisible();
  await expect(page.getByText(/We sent the order/)).toHaveCount(0);
  const order = page.getByRole('region', { name: /^Order MD-/ });
  await expect(order.getByText('Under review', { exact: true })).toBeVisible();
  await expect(order.getByText('The delivery estimate follows once the check is done.')).toBeVisible();
  await page.screenshot({ path: '/tmp/helper-timeline-held-confirmation.png', fullPage: true });

  // A person approves the order: the page says it went to the seller, without a reload.
  const row = (await apiQuery<{ items: { id: string; subjectId: string; version: number }[] }>(agent, 'queues.list', { queue: 'fraud', filter: { states: ['open'] }, limit: 200 })).items.find((i) => i.subjectId === started.orders[0]!.id)!;
  const claimed = await apiMutate<{ version: number }>(agent, 'queues.claim', { id: row.id });
  await apiMutate(agent, 'queues.decide', { id: row.id, version: claimed.version, decision: 'accept' });
  await expect(page.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText('We sent the order to the seller. Your payment is held in escrow until it arrives.')).toBeVisible();
  await expect(order.getByText(/Estimated delivery:/)).toBeVisible();
  await page.screenshot({ path: '/tmp/helper-timeline-approved-confirmation.png', fullPage: true });
});
