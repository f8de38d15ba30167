// Two staff members in two browsers: each sees the other in presence, and a profile change by one
// appears in the other's Team activity feed without a reload (issue 2, "Done means").
import { type Browser, type Page, expect, test } from '@playwright/test';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

async function openAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInToConsole(page, email);
  return page;
}

function presence(page: Page) {
  return page.getByRole('group', { name: 'People on this page' });
}

test('staff see each other on the page and each other’s changes live', async ({ browser }) => {
  const admin = await openAs(browser, demo.admin.email);
  const agent = await openAs(browser, demo.agent1.email);

  // Both on Team activity: each sees the other's avatar (by accessible name), not their own.
  await admin.goto(`${consoleURL}/activity`);
  await agent.goto(`${consoleURL}/activity`);
  await expect(admin.getByRole('status', { name: 'Live updates: Live' })).toBeVisible();
  await expect(presence(admin).getByRole('img', { name: demo.agent1.displayName })).toBeVisible();
  await expect(presence(agent).getByRole('img', { name: demo.admin.displayName })).toBeVisible();
  await expect(presence(admin).getByRole('img', { name: demo.admin.displayName })).toHaveCount(0);

  // The agent leaves for Profile: the admin sees them go.
  await agent.getByRole('link', { name: 'Profile' }).click();
  await expect(presence(admin)).toHaveCount(0);

  // The agent renames themself; the admin's feed shows it without a reload.
  const newName = unique('Alex Renamed');
  await agent.getByLabel('Display name').fill(newName);
  await agent.getByRole('button', { name: 'Save' }).click();
  await expect(agent.getByText('Profile saved')).toBeVisible();
  const feed = admin.getByRole('list', { name: 'Team activity' });
  await expect(feed.getByRole('listitem', { name: `${demo.agent1.displayName} is now ${newName}` })).toBeVisible();

  // Coming back, the agent appears under the new name.
  await agent.getByRole('link', { name: 'Team activity' }).click();
  await expect(presence(admin).getByRole('img', { name: newName })).toBeVisible();

  await admin.context().close();
  await agent.context().close();
});
