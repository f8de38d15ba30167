// Team activity reads as sentences that link to what they are about (issue 16, item 10): the feed
// showed "payment.webhook.received / webhook:stripe" and mail template codes. A purchase made while
// an admin watches arrives live as "<buyer> placed order MD-… (€…) with <seller>", which opens the order.
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiSignIn, apiURL, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

const address = { name: 'Ada Activity', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

test('the admin’s Team activity shows a purchase as a sentence, live, linking to the order', async ({ page }) => {
  const tag = unique('act').replace(/-/g, '');
  await page.setViewportSize({ width: 1300, height: 1000 });
  await signInToConsole(page, demo.admin.email);
  await page.goto(`${consoleURL}/activity`);
  const feed = page.getByRole('list', { name: 'Team activity' });
  await expect(feed).toBeVisible();

  const [seller, admin] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email)]);
  const listing = await createLiveListing(seller, admin, { title: `Talk Talk – Spirit of Eden ${tag}`, artist: 'Talk Talk', priceMinor: 4200, quantity: 1 });
  const email = `${tag}@example.test`;
  const password = 'correct horse battery';
  const reg = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password, displayName: `Ada ${tag}` } }) });
  expect(reg.ok).toBe(true);
  const buyer = await apiSignIn(email, password);
  const started = await apiMutate<{ checkoutId: string; orders: { id: string; number: string }[] }>(buyer, 'checkout.start', { idempotencyKey: `k-${tag}`, address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 4200 }] });
  await apiMutate(buyer, 'checkout.payWithTestCard', { checkoutId: started.checkoutId, card: 'visa', idempotencyKey: `p-${tag}` });
  const number = started.orders[0]!.number;

  await expect(feed.getByRole('listitem', { name: `Ada ${tag} joined Marketdesk` })).toBeVisible({ timeout: 10_000 });
  const placed = feed.getByRole('link', { name: new RegExp(`^Ada ${tag} placed order ${number} \\(€\\d+\\.\\d\\d\\) with `) });
  await expect(placed).toBeVisible({ timeout: 10_000 });
  await expect(feed.getByText('The payment provider reported a successful payment').first()).toBeVisible({ timeout: 10_000 });
  // No entry is a code.
  await expect(feed.getByText(/payment\.webhook\.received|webhook:stripe|notify\.\w+|order\.\w+/)).toHaveCount(0);
  await page.screenshot({ path: '/tmp/helper-timeline-activity.png', fullPage: true });

  await placed.click();
  await expect(page).toHaveURL(`${consoleURL}/orders/${started.orders[0]!.id}`);
  await expect(page.getByRole('heading', { name: `Order ${number}` })).toBeVisible();
});
