// A new buyer confirms their address from the emailed link (the banner goes away), then forgets the
// password: asks for a link (the answer names no account), sets a new password from the emailed
// link, signs in with it; the used link no longer works.
import { expect, test } from '../../fixtures/test';
import { unique } from '../../fixtures/demo';
import { latestMail, linkIn } from '../../fixtures/mail';
import { storefrontURL } from '../../fixtures/urls';

test('confirm the email address, then reset a forgotten password by the emailed link', async ({ page, allowErrors }) => {
  const email = `${unique('reset')}@example.test`;
  await page.goto(`${storefrontURL}/register`);
  await page.getByLabel('Display name').fill('Rory Reset');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('the-first-password');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
  await expect(page.getByText('Confirm your email address')).toBeVisible();

  const verify = linkIn(await latestMail(email, '/verify-email'), '/verify-email');
  await page.goto(`${storefrontURL}${verify}`);
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
  await expect(page.getByText('your address is confirmed')).toBeVisible();
  await page.goto(`${storefrontURL}/account`);
  await expect(page.getByText('Email confirmed')).toBeVisible();
  await expect(page.getByText('Confirm your email address')).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).first().click();
  await page.goto(`${storefrontURL}/login`);
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByText(`If an account uses ${email}`)).toBeVisible();

  const reset = linkIn(await latestMail(email, '/reset-password'), '/reset-password');
  await page.goto(`${storefrontURL}${reset}`);
  await page.getByLabel('New password').fill('the-second-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByText('Your new password is set')).toBeVisible();

  await page.goto(`${storefrontURL}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('the-second-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();

  // The used link is refused on purpose (400).
  allowErrors(/400.*\/trpc\/auth\.resetPassword/);
  await page.goto(`${storefrontURL}${reset}`);
  await page.getByLabel('New password').fill('the-third-password');
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page.getByRole('alert')).toContainText('expired or was already used');
});
