// "Sign out everywhere" ends every session of that person; another open tab notices at once
// (the server drops its socket) and lands on sign-in without a reload.
import { expect, test } from '../../fixtures/test';
import { signInToConsole } from '../../fixtures/console';
import { demo } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

test('signing out everywhere sends the other browser to sign-in', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  await signInToConsole(first, demo.agent2.email);
  await signInToConsole(second, demo.agent2.email);
  await expect(second.getByRole('status', { name: 'Live updates: Live' })).toBeVisible();

  await first.getByRole('button', { name: /^Account menu for / }).click();
  await first.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
  await expect(first).toHaveURL(`${consoleURL}/login`);
  await expect(first.getByText('Signed out everywhere')).toBeVisible();

  await expect(second).toHaveURL(/\/login$/);
  await expect(second.getByRole('button', { name: 'Sign in' })).toBeVisible();

  await first.context().close();
  await second.context().close();
});
