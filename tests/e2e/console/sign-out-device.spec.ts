// Profile lists the devices signed in to this account; signing one out sends that browser to
// sign-in at once (its socket is dropped) while this one stays signed in.
import { expect, test } from '../../fixtures/test';
import { signInToConsole } from '../../fixtures/console';
import { demo } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

test('signing out another device from the profile page', async ({ browser }) => {
  const here = await (await browser.newContext()).newPage();
  const there = await (await browser.newContext()).newPage();
  await signInToConsole(there, demo.seller1.email);
  await signInToConsole(here, demo.seller1.email);
  await expect(there.getByRole('status', { name: 'Live updates: Live' })).toBeVisible();

  await here.goto(`${consoleURL}/profile`);
  const devices = here.getByRole('table', { name: 'Signed-in devices' });
  await expect(devices.getByText('This device')).toBeVisible();
  const others = devices.getByRole('button', { name: 'Sign out' });
  await expect(others.first()).toBeVisible();
  const before = await others.count();
  await others.first().click();
  await expect(here.getByText('Device signed out')).toBeVisible();
  await expect(others).toHaveCount(before - 1);

  // Newest other session first: the browser that signed in just before this one.
  await expect(there).toHaveURL(/\/login$/);
  await expect(here).toHaveURL(`${consoleURL}/profile`);

  await here.context().close();
  await there.context().close();
});
