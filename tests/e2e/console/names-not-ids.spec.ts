// Names where people expected ids (issue 22, item 7): an admin picks an actor in the audit log by
// name (no uuid copied from another row) and reads names in the Actor column; in the ledger the
// shop's accounts and postings carry the shop's name, and the seller filter is picked by name.
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiQuery, apiSignIn, apiURL, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

const shop = 'Groove Records'; // seller1's shop (db/src/seeds)
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

test('staff pick people and shops by name in the audit log and the ledger, and read names, not ids', async ({ page }) => {
  test.setTimeout(120_000);
  const tag = unique('names').replace(/-/g, '');
  const [seller, admin] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email)]);
  // A sale that completes, so the shop's balance moves (set-up through the API: the flow is covered elsewhere).
  const listing = await createLiveListing(seller, admin, { title: `Talk Talk – Spirit of Eden ${tag}`, artist: 'Talk Talk', priceMinor: 4200, quantity: 1 });
  const email = `${tag}@example.test`;
  const reg = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password: 'correct horse battery', displayName: 'Nora Names' } }) });
  expect(reg.ok).toBe(true);
  const buyer = await apiSignIn(email, 'correct horse battery');
  const started = await apiMutate<{ checkoutId: string; orders: { id: string }[] }>(buyer, 'checkout.start', { idempotencyKey: `k-${tag}`, address: { name: 'Nora Names', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' }, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 4200 }] });
  await apiMutate(buyer, 'checkout.payWithTestCard', { checkoutId: started.checkoutId, card: 'visa', idempotencyKey: `p-${tag}` });
  const orderId = started.orders[0]!.id;
  const version = async () => (await apiQuery<{ version: number }>(buyer, 'orders.get', { id: orderId })).version;
  await apiMutate(seller, 'orders.ship', { id: orderId, version: await version(), carrier: 'dpd', trackingNumber: '01234567890123' });
  await apiMutate(buyer, 'orders.markDelivered', { id: orderId, version: await version() });
  await apiMutate(buyer, 'orders.confirmReceipt', { id: orderId, version: await version() });

  await signInToConsole(page, demo.admin.email);

  // The audit log: the actor is picked by name and the rows say who, by name.
  await page.getByRole('link', { name: 'Audit log' }).click();
  const search = page.getByRole('form', { name: 'Search the audit log' });
  await search.getByRole('combobox', { name: 'Actor' }).fill('Groove');
  await page.getByRole('option', { name: new RegExp(`^${shop} · `) }).click();
  await search.getByRole('button', { name: 'Search' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('cell', { name: 'listing.created' }).first()).toBeVisible();
  const actorCells = log.getByRole('row').filter({ hasText: 'listing.created' }).first().getByRole('cell');
  await expect(actorCells.nth(1)).toHaveText(new RegExp(`^${shop}`));
  await expect(actorCells.nth(1)).not.toContainText(uuid);
  await page.screenshot({ path: '/tmp/helper-22-audit-names.png', fullPage: true });

  // The ledger: the shop's postings and accounts by name; the seller filter picked by name.
  await page.getByRole('link', { name: 'Ledger' }).click();
  const transfers = page.getByRole('region', { name: 'Transfers' });
  await transfers.getByRole('combobox', { name: 'Seller' }).fill('Groove');
  await page.getByRole('option', { name: new RegExp(`^${shop} · `) }).click();
  await expect(transfers.getByText(`${shop} · Available`).first()).toBeVisible();
  await expect(transfers.getByRole('table', { name: 'Transfers' })).not.toContainText(/seller:[0-9a-f]{8}/);
  const accounts = page.getByRole('region', { name: 'Accounts' });
  await accounts.getByRole('searchbox', { name: 'Search by shop or code' }).fill(shop);
  const available = accounts.getByRole('row').filter({ hasText: 'Available' });
  await expect(available.getByRole('cell', { name: shop })).toBeVisible();
  await page.screenshot({ path: '/tmp/helper-22-ledger-names.png', fullPage: true });
});
