// Presence is per page, not per query string (issue 16, item 3): opening a queue item adds
// `?item=…` to the URL and opens a drawer; the person stays on the queue's page for everyone else,
// while the drawer is open and after it closes. A third person arriving makes the server announce
// the page's people afresh, so each check reads the server's current list, not a stale one.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiQuery, apiSignIn } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';

async function openAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInToConsole(page, email);
  return page;
}

/** The signed-in person's current name (another spec may have renamed the demo staff). */
async function displayNameOf(page: Page): Promise<string> {
  return ((await page.getByRole('button', { name: /^Account menu for / }).getAttribute('aria-label')) ?? '').replace(/^Account menu for /, '');
}

const people = (page: Page) => page.getByRole('group', { name: 'People on this page' });
const go = (page: Page, link: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();

test('opening and closing a queue item keeps the person present on the queue page for everyone', async ({ browser }) => {
  const title = unique('Presence check');
  const seller = await apiSignIn(demo.seller1.email);
  const categories = await apiQuery<{ id: string; children: { id: string }[] }[]>(undefined, 'catalog.categories');
  await apiMutate(seller, 'listings.create', { categoryId: categories[0]!.children[0]?.id ?? categories[0]!.id, title, description: 'A listing to open in the drawer.', attributes: { artist: 'Test Artist', format: 'LP' }, condition: 'VG', priceMinor: 1500, quantity: 1 });

  const [dana, alex, sam] = [await openAs(browser, demo.admin.email), await openAs(browser, demo.agent1.email), await openAs(browser, demo.agent2.email)];
  const [alexName, samName] = [await displayNameOf(alex), await displayNameOf(sam)];
  for (const p of [dana, alex, sam]) await expect(p.getByRole('status', { name: 'Live updates: Live' })).toBeVisible({ timeout: 15_000 });
  for (const p of [dana, alex]) await go(p, 'Listing review');
  await expect(people(dana).getByRole('img', { name: alexName })).toBeVisible({ timeout: 15_000 });

  // Alex opens the item: the URL gains ?item=…, a drawer shows the listing.
  await alex.getByRole('table', { name: 'Listing review queue' }).getByRole('button', { name: title }).click({ timeout: 20_000 });
  await expect(alex).toHaveURL(/[?&]item=/);
  await expect(alex.getByRole('dialog', { name: title })).toBeVisible();
  // Sam arrives: the list Dana gets now is the server's, and Alex is on it.
  await go(sam, 'Listing review');
  await expect(people(dana).getByRole('img', { name: samName })).toBeVisible({ timeout: 15_000 });
  await expect(people(dana).getByRole('img', { name: alexName })).toBeVisible({ timeout: 15_000 });
  await expect(people(sam).getByRole('img', { name: alexName })).toBeVisible({ timeout: 15_000 });

  // Sam leaves, Alex closes the drawer, Sam comes back: Alex is still there.
  await go(sam, 'Profile');
  await expect(people(dana).getByRole('img', { name: samName })).toHaveCount(0, { timeout: 15_000 });
  await alex.keyboard.press('Escape');
  await expect(alex.getByRole('dialog', { name: title })).toHaveCount(0);
  await expect(alex).not.toHaveURL(/[?&]item=/);
  await go(sam, 'Listing review');
  await expect(people(dana).getByRole('img', { name: samName })).toBeVisible({ timeout: 15_000 });
  await expect(people(dana).getByRole('img', { name: alexName })).toBeVisible({ timeout: 15_000 });
  await expect(people(alex).getByRole('img', { name: samName })).toBeVisible({ timeout: 15_000 });
  await dana.screenshot({ path: '/tmp/hc/presence-dana.png' });
  for (const p of [dana, alex, sam]) await p.context().close();
});
