// Toasts never cover the content they announce, and go once it is seen (issue 16, item 11): a
// seller's "New order" toast sits over the navigation column, not the page, and closes when the
// order's page is opened, where the fee and the seller's net are in plain view.
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiSignIn, apiURL, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

const address = { name: 'Toby Toast', line1: 'Hauptstraße 2', city: 'Berlin', postalCode: '10115', country: 'DE' };

test('a new-order toast stays off the page and closes when its order is opened', async ({ page }) => {
  test.slow();
  const tag = unique('toast').replace(/-/g, '');
  const [seller, admin] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email)]);
  const listing = await createLiveListing(seller, admin, { title: `Toast Record ${tag}`, artist: 'Test Artist', priceMinor: 2500, quantity: 1 });
  await signInToConsole(page, demo.seller1.email);
  await expect(page.getByRole('status', { name: 'Live updates: Live' })).toBeVisible({ timeout: 15_000 });

  // A buyer pays for the record.
  const email = `${tag}@example.test`;
  const reg = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password: 'correct horse battery', displayName: 'Toby Toast' } }) });
  expect(reg.ok).toBe(true);
  const buyer = await apiSignIn(email, 'correct horse battery');
  const started = await apiMutate<{ checkoutId: string }>(buyer, 'checkout.start', { idempotencyKey: `k-${tag}`, address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 2500 }] });
  await apiMutate(buyer, 'checkout.payWithTestCard', { checkoutId: started.checkoutId, card: 'visa', idempotencyKey: `p-${tag}` });

  // The toast arrives beside the page, not on it.
  const toast = page.getByRole('alert').filter({ hasText: /^New order/ });
  await expect(toast).toBeVisible({ timeout: 20_000 });
  // The page's content starts where the main area's padding ends (the navigation column is beside it).
  const contentLeft = await page.getByRole('main').evaluate((el) => el.getBoundingClientRect().left + parseFloat(getComputedStyle(el).paddingLeft));
  const toastBox = await toast.boundingBox();
  expect(toastBox!.x + toastBox!.width).toBeLessThanOrEqual(contentLeft);
  await page.screenshot({ path: '/tmp/hc/new-order-toast.png' });

  // Opened: the order's page, its money in view, and the toast gone.
  await toast.getByRole('button', { name: 'View order' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/Order/);
  await expect(page.getByText('Your net').first()).toBeVisible();
  await expect(toast).toHaveCount(0);
  await page.screenshot({ path: '/tmp/hc/order-after-toast.png' });
});
