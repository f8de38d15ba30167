// Discovery, as shoppers meet it: a new visitor sees what is trending on the home page; a buyer
// looks at a record and buys it together with another; the next buyer looking at that record sees,
// under "Bought together", the record bought with it in the demo history and the one just bought
// with it (counted by the worker from the order) — and can save it to their wishlist.
import { expect, test, type Page } from '../../fixtures/test';
import { apiSignIn, createLiveListing } from '../../fixtures/api';
import { demo, unique } from '../../fixtures/demo';
import { storefrontURL } from '../../fixtures/urls';
import { checkOutCart } from '../../fixtures/storefront';

const recordA = 'Daft Punk – Discovery';
const seededB = 'Kraftwerk – Trans-Europe Express';

async function openListing(page: Page, title: string, query: string) {
  await page.goto(`${storefrontURL}/search?q=${encodeURIComponent(query)}`);
  await page.getByRole('link', { name: new RegExp(`^${title}`) }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a new visitor sees trending records on the home page', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(storefrontURL);
  const trending = page.getByRole('region', { name: 'Trending now' });
  // The first visit compiles the page in the dev server; give a loaded machine time.
  await expect(trending).toBeVisible({ timeout: 15_000 });
  await expect(trending.getByRole('listitem').first()).toBeVisible();
  expect(await trending.getByRole('listitem').count()).toBeGreaterThan(2);
  await expect(trending.getByRole('link', { name: new RegExp(`^${recordA}`) })).toBeVisible();
  await context.close();
});

test('a buyer views and buys a record; the next buyer sees what was bought together with it', async ({ browser }) => {
  // A record only this run knows, which the first buyer buys together with A.
  const tag = unique('bt').replace(/-/g, '');
  const [seller, admin] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email)]);
  const companion = `Air – Moon Safari ${tag}`;
  await createLiveListing(seller, admin, { title: companion, artist: 'Air', priceMinor: 2900, quantity: 3, categorySlug: 'vinyl-electronic' });

  const buyerContext = await browser.newContext();
  const page = await buyerContext.newPage();
  await page.goto(`${storefrontURL}/register`);
  await page.getByLabel('Display name').fill('Nico Nightfly');
  await page.getByLabel('Email').fill(`${unique('buyer')}@example.test`);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(/\/account$/);

  for (const [title, query] of [[recordA, 'daft punk discovery'], [companion, tag]] as const) {
    await openListing(page, title, query);
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await expect(page.getByText('Added to cart')).toBeVisible();
  }
  await checkOutCart(page, { items: 2, name: 'Nico Nightfly' });
  await buyerContext.close();

  // The next buyer (a demo buyer with no history for these records) looks at A.
  const nextContext = await browser.newContext();
  const next = await nextContext.newPage();
  await next.goto(`${storefrontURL}/login`);
  await next.getByLabel('Email').fill('buyer4@marketdesk.test');
  await next.getByRole('textbox', { name: 'Password', exact: true }).fill('marketdesk-demo');
  await next.getByRole('button', { name: 'Sign in' }).click();
  await expect(next.getByRole('button', { name: 'Dev Digger' })).toBeVisible();
  await openListing(next, recordA, 'daft punk discovery');
  const together = next.getByRole('region', { name: 'Bought together' });
  await expect(together.getByText('Customers who bought this also bought')).toBeVisible();
  await expect(together.getByRole('link', { name: new RegExp(`^${seededB}`) })).toBeVisible();
  // The worker counts the order in the background; a reload shows the new neighbour once it has.
  await expect(async () => {
    await next.reload();
    await expect(next.getByRole('region', { name: 'Bought together' }).getByRole('link', { name: new RegExp(`^${companion}`) })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(next.getByRole('region', { name: 'Similar records' })).toBeVisible();

  // Saving it puts it on the wishlist.
  await next.getByRole('button', { name: 'Save to wishlist' }).click();
  await expect(next.getByRole('button', { name: 'Saved to wishlist' })).toHaveAttribute('aria-pressed', 'true');
  await next.goto(`${storefrontURL}/wishlist`);
  await expect(next.getByRole('list', { name: 'Wishlist' }).getByRole('link', { name: recordA })).toBeVisible();
  await nextContext.close();
});
