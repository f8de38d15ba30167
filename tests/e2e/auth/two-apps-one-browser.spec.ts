// One browser, both apps on localhost: cookies are shared across ports, so each app has its own
// session cookie. A person signed in to the storefront as a buyer and to the console as an admin
// stays signed in to both, in one browser context.
import { expect, test } from '../../fixtures/test';
import { signInToConsole } from '../../fixtures/console';
import { demo, demoPassword } from '../../fixtures/demo';
import { storefrontURL } from '../../fixtures/urls';

test('a buyer in the storefront and an admin in the console, side by side in one browser', async ({ context, page }) => {
  await page.goto(`${storefrontURL}/login`);
  await page.getByLabel('Email').fill(demo.buyer1.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Bea Buyer' })).toBeVisible();

  const consolePage = await context.newPage();
  await signInToConsole(consolePage, demo.admin.email);
  await expect(consolePage.getByRole('button', { name: `Account menu for ${demo.admin.displayName}` })).toBeVisible();
  await expect(consolePage.getByRole('status', { name: 'Live updates: Live' })).toBeVisible();

  // Signing in to the console did not sign the storefront tab out, nor make it the admin.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Bea Buyer' })).toBeVisible();
  await page.goto(`${storefrontURL}/account`);
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('cell', { name: demo.buyer1.email })).toBeVisible();

  // And the console still knows its admin after the storefront's activity.
  await consolePage.reload();
  await expect(consolePage.getByRole('button', { name: `Account menu for ${demo.admin.displayName}` })).toBeVisible();
  await page.screenshot({ path: '/tmp/helper-plumbing-two-apps-storefront.png' });
  await consolePage.screenshot({ path: '/tmp/helper-plumbing-two-apps-console.png' });
});
