// Two staff members in two browsers: each sees the other in presence, and a profile change by one
// appears in the other's Team activity feed without a reload (issue 2, "Done means").
import { type Browser, type Page, expect, test } from '../../fixtures/test';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

async function openAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInToConsole(page, email);
  return page;
}

/** The signed-in person's current name (a reused stack may hold an earlier test's rename). */
async function displayNameOf(page: Page): Promise<string> {
  const label = await page.getByRole('button', { name: /^Account menu for / }).getAttribute('aria-label');
  return (label ?? '').replace(/^Account menu for /, '');
}

function presence(page: Page) {
  return page.getByRole('group', { name: 'People on this page' });
}

test('staff see each other on the page and each other’s changes live', async ({ browser }) => {
  const admin = await openAs(browser, demo.admin.email);
  const agent = await openAs(browser, demo.agent1.email);
  const adminName = await displayNameOf(admin);
  const agentName = await displayNameOf(agent);

  // Both on Team activity: each sees the other's avatar (by accessible name), not their own.
  await admin.goto(`${consoleURL}/activity`);
  await agent.goto(`${consoleURL}/activity`);
  await expect(admin.getByRole('status', { name: 'Live updates: Live' })).toBeVisible();
  await expect(presence(admin).getByRole('img', { name: agentName })).toBeVisible();
  await expect(presence(agent).getByRole('img', { name: adminName })).toBeVisible();
  await expect(presence(admin).getByRole('img', { name: adminName })).toHaveCount(0);

  // The agent leaves for Profile: the admin sees them go.
  await agent.getByRole('link', { name: 'Profile' }).click();
  await expect(presence(admin)).toHaveCount(0);

  // The agent renames themself; the admin's feed shows it without a reload.
  const newName = unique('Alex Renamed');
  await agent.getByLabel('Display name').fill(newName);
  await agent.getByRole('button', { name: 'Save' }).click();
  await expect(agent.getByText('Profile saved')).toBeVisible();
  const feed = admin.getByRole('list', { name: 'Team activity' });
  await expect(feed.getByRole('listitem', { name: `${agentName} is now ${newName}` })).toBeVisible();

  await admin.context().close();
  await agent.context().close();
});

// Presence names are read fresh on every broadcast, and a rename re-announces the pages its
// author is on, so nobody has to reconnect to see it.
test('presence shows a new display name without reconnecting', async ({ browser }) => {
  const admin = await openAs(browser, demo.admin.email);
  const agent = await openAs(browser, demo.agent2.email);
  await agent.goto(`${consoleURL}/profile`);
  const newName = unique('Sam Renamed');
  await agent.getByLabel('Display name').fill(newName);
  await agent.getByRole('button', { name: 'Save' }).click();
  await expect(agent.getByText('Profile saved')).toBeVisible();
  await admin.goto(`${consoleURL}/activity`);
  await agent.getByRole('link', { name: 'Team activity' }).click();
  await expect(presence(admin).getByRole('img', { name: newName })).toBeVisible();
});
