// An admin previews a pricing policy on a filtered set of listings and applies it; the seller's
// listing editor then shows the planned markdowns and the policy behind them.
import { expect, test } from '../../fixtures/test';
import { apiSignIn, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

test('an admin previews and applies a pricing policy; the seller sees the planned markdowns', async ({ browser }) => {
  const tag = unique('px').replace(/-/g, '');
  const [seller, admin] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email)]);
  const created = await createLiveListing(seller, admin, { title: `Can – Tago Mago ${tag}`, artist: 'Can', priceMinor: 3999, quantity: 1 });

  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signInToConsole(page, demo.admin.email);
  await page.getByRole('link', { name: 'Pricing' }).click();
  await page.getByRole('combobox', { name: 'Policy version' }).click();
  await page.getByRole('option', { name: /^Store default · v1/ }).click();
  await page.getByLabel('Title contains').fill(tag);
  await page.getByRole('button', { name: 'Preview changes' }).click();
  const preview = page.getByRole('table', { name: 'Price changes preview' });
  await expect(preview.getByRole('row', { name: new RegExp(`Can – Tago Mago ${tag}`) })).toContainText('€39.99');
  await page.getByRole('button', { name: 'Apply to 1 listings' }).click();
  await expect(page.getByText('Pricing policy applied')).toBeVisible();
  await adminContext.close();

  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await signInToConsole(sellerPage, demo.seller1.email);
  await sellerPage.goto(`${consoleURL}/listings/${created.id}/edit`);
  const history = sellerPage.getByRole('region', { name: 'Price history' });
  // The first visit compiles the page in the dev server; give a loaded machine time.
  await expect(history.getByText(/Under Store default \(version 1\)/)).toBeVisible({ timeout: 15_000 });
  const plan = history.getByRole('table', { name: 'Planned prices' });
  await expect(plan.getByRole('row', { name: /After 30 days: −10 %/ })).toContainText('€35.99');
  await expect(plan.getByRole('row', { name: /After 180 days: −50 %/ })).toContainText('€19.99');
  await sellerContext.close();
});
