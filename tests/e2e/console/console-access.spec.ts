// The console is for staff and sellers: a buyer-only account gets a friendly refusal, not a shell.
import { expect, test } from '../../fixtures/test';
import { demo, demoPassword } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

test('signed-out visitors are sent to the sign-in page', async ({ page }) => {
  await page.goto(`${consoleURL}/activity`);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('a buyer sees that the console is not for them, and can sign out', async ({ page }) => {
  await page.goto(`${consoleURL}/login`);
  await page.getByLabel('Email').fill(demo.buyer1.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'No console access' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
});

test('an admin sees every section and the live badge', async ({ page }) => {
  await page.goto(`${consoleURL}/login`);
  await page.getByLabel('Email').fill(demo.admin.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Dashboard', 'Team activity', 'Sent mail', 'Profile']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('status', { name: 'Live updates: Live' })).toBeVisible();
  await nav.getByRole('link', { name: 'Sent mail', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sent mail' })).toBeVisible();
});
