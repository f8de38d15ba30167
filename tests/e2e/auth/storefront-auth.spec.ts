// A new buyer registers on the storefront, sees their account, signs out and back in;
// a wrong password is refused with the API's message.
import { expect, test } from '../../fixtures/test';
import { unique } from '../../fixtures/demo';
import { storefrontURL } from '../../fixtures/urls';

test('register, see the account, sign out, sign in again', async ({ page, allowErrors }) => {
  const email = `${unique('buyer')}@example.test`;
  const password = 'a-long-enough-password';
  const displayName = 'Robin Buyer';

  await page.goto(storefrontURL);
  await expect(page.getByRole('heading', { level: 1, name: 'Marketdesk' })).toBeVisible();
  await page.getByRole('link', { name: 'Create account' }).click();
  await page.getByLabel('Display name').fill(displayName);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('cell', { name: displayName })).toBeVisible();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Roles' })).toHaveText('buyer');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();

  await page.goto(`${storefrontURL}/login`);
  // The wrong password below is refused with a 401 on purpose.
  allowErrors(/401.*\/trpc\/auth\.login/);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('Email or password is incorrect');

  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByRole('cell', { name: displayName })).toBeVisible();
});

test('client-side validation uses the shared schema', async ({ page }) => {
  await page.goto(`${storefrontURL}/register`);
  await page.getByLabel('Display name').fill('Short Pass');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText('Enter a valid email address')).toBeVisible();
  await expect(page.getByText('Use at least 10 characters')).toBeVisible();
});
