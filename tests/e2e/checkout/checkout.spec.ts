// The storefront's whole purchase, as a buyer does it, while the seller watches the console: a new
// buyer registers, finds records despite a typo, narrows by a facet, buys from two sellers with the
// test card, sees the confirmation — and the seller's open Orders page shows the order without a reload.
import { expect, test } from '../../fixtures/test';
import { apiSignIn, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { storefrontURL, consoleURL } from '../../fixtures/urls';
import { checkOutCart } from '../../fixtures/storefront';

test('a new buyer searches with a typo, filters, buys from two sellers, and the seller sees the order live', async ({ browser }) => {
  // Two records by The Beatles from two different sellers, unique to this run.
  const tag = unique('rs').replace(/-/g, '');
  const [seller1, seller2, admin] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn('seller2@marketdesk.test'), apiSignIn(demo.admin.email)]);
  await createLiveListing(seller1, admin, { title: `The Beatles – Rubber Soul ${tag}`, artist: 'The Beatles', priceMinor: 3900, quantity: 3 });
  await createLiveListing(seller2, admin, { title: `The Beatles – Help! ${tag}`, artist: 'The Beatles', priceMinor: 3400, quantity: 3 });
  await createLiveListing(seller2, admin, { title: `The Beatles – Yellow Submarine ${tag}`, artist: 'The Beatles', priceMinor: 7900, quantity: 3 });

  // The seller keeps the console's Orders page open.
  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await signInToConsole(sellerPage, demo.seller1.email);
  await sellerPage.getByRole('link', { name: 'Orders' }).click();
  await expect(sellerPage).toHaveURL(`${consoleURL}/orders`);
  const ordersTable = sellerPage.getByRole('table', { name: 'Orders' });

  const buyerContext = await browser.newContext();
  const page = await buyerContext.newPage();
  const email = `${unique('buyer')}@example.test`;
  await page.goto(`${storefrontURL}/register`);
  await page.getByLabel('Display name').fill('Rita Record');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/account$/); // registered and signed in

  // A typo still finds The Beatles.
  const search = page.getByRole('searchbox', { name: 'Search records' });
  await search.fill(`beatels ${tag}`);
  await search.press('Enter');
  await expect(page.getByText('Showing results for')).toBeVisible();
  await expect(page.getByText(`The Beatles – Yellow Submarine ${tag}`)).toBeVisible();
  // Narrow by a facet: €25–50 leaves the two cheaper records, one per seller.
  // The facets drive the URL; the radio reflects it once the new results arrive.
  await expect(page.getByRole('group', { name: 'Price' }).getByRole('radio', { name: '€25 – €50' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('radio', { name: '€25 – €50' }).first().click();
  await expect(page).toHaveURL(/price=25-50/);
  await expect(page.getByText(`The Beatles – Yellow Submarine ${tag}`)).toBeHidden();
  await expect(page.getByText(`The Beatles – Rubber Soul ${tag}`)).toBeVisible();

  for (const title of [`The Beatles – Rubber Soul ${tag}`, `The Beatles – Help! ${tag}`]) {
    await page.getByRole('link', { name: title }).first().click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.goBack();
  }
  await expect(page.getByRole('link', { name: /Cart \(2 items\)/ })).toBeVisible();
  await checkOutCart(page, { items: 2, name: 'Rita Record' });
  const orderSections = page.getByRole('region', { name: /^Order MD-/ });
  await expect(orderSections).toHaveCount(2);
  const sellerOrder = (await orderSections.first().getAttribute('aria-label')) ?? '';

  // The seller's page, never reloaded, now lists the order from Rita.
  await expect(ordersTable.getByText('Rita Record')).toBeVisible({ timeout: 15_000 });
  await expect(sellerPage.getByText(/^New order MD-/)).toBeVisible();
  expect(sellerOrder).toMatch(/^Order MD-\d+/);

  await sellerContext.close();
  await buyerContext.close();
});
