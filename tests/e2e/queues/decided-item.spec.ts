// A decision that lost the race says who decided what and when, and a decided item is not offered
// for claiming (issue 16, item 6); queue titles are shown whole, so items that share a long prefix
// can be told apart (item 12). Two staff in two browsers on the listing-review queue.
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiQuery, apiSignIn } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';

async function openAs(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInToConsole(page, email);
  return page;
}

async function displayNameOf(page: Page): Promise<string> {
  return ((await page.getByRole('button', { name: /^Account menu for / }).getAttribute('aria-label')) ?? '').replace(/^Account menu for /, '');
}

async function listingsInReview(titles: string[]) {
  const seller = await apiSignIn(demo.seller1.email);
  const categories = await apiQuery<{ id: string; children: { id: string }[] }[]>(undefined, 'catalog.categories');
  const categoryId = categories[0]!.children[0]?.id ?? categories[0]!.id;
  for (const title of titles) await apiMutate(seller, 'listings.create', { categoryId, title, description: 'A listing waiting for review.', attributes: { artist: 'Test Artist', format: 'LP' }, condition: 'VG', priceMinor: 1500, quantity: 1 });
}

const reviewQueue = (page: Page) => page.getByRole('table', { name: 'Listing review queue' });
const goToReview = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Listing review', exact: true }).click();

/** Nothing of the text is cut off: the element shows all it holds. */
const shownWhole = (locator: Locator) => locator.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);

test('an agent’s open item that a lead approved says who approved it and when, and offers no claim', async ({ browser }) => {
  const title = unique('Race lost');
  await listingsInReview([title]);
  const [dana, alex] = [await openAs(browser, demo.admin.email), await openAs(browser, demo.agent1.email)];
  const danaName = await displayNameOf(dana);
  for (const p of [dana, alex]) await goToReview(p);

  // Alex opens the item to read it; it is free, so Claim is offered.
  await reviewQueue(alex).getByRole('button', { name: title }).click({ timeout: 20_000 });
  const alexDrawer = alex.getByRole('dialog', { name: title });
  await expect(alexDrawer.getByRole('button', { name: 'Claim' })).toBeVisible();

  // Dana, a lead, approves it directly.
  await reviewQueue(dana).getByRole('button', { name: title }).click();
  await dana.getByRole('dialog', { name: title }).getByRole('button', { name: 'Approve' }).click();
  await dana.getByRole('dialog', { name: 'Approve' }).getByRole('button', { name: 'Approve' }).click();
  await expect(dana.getByText('Decision recorded')).toBeVisible({ timeout: 15_000 });

  // Alex's drawer turns into the outcome: who, what, when — and nothing to claim.
  const outcome = alexDrawer.getByRole('alert', { name: 'Decided' });
  await expect(outcome).toContainText(new RegExp(`${danaName} approved this \\d+ s ago`), { timeout: 15_000 });
  await expect(alexDrawer.getByText('Active', { exact: true }).first()).toBeVisible();
  await expect(alexDrawer.getByRole('button', { name: 'Claim' })).toHaveCount(0);
  await expect(alexDrawer.getByText('Unclaimed')).toHaveCount(0);
  await expect(alexDrawer.getByText(/Nothing to decide/)).toHaveCount(0);
  await alex.screenshot({ path: '/tmp/hc/decided-item.png' });
  for (const p of [dana, alex]) await p.context().close();
});

test('queue items that share a long title prefix are shown whole, so they can be told apart', async ({ page }) => {
  const prefix = `Queue Test ${unique('pfx')} – The Complete Early Recordings, Remastered Deluxe Edition`;
  const titles = [`${prefix} – Side A`, `${prefix} – Side B`];
  await listingsInReview(titles);
  await signInToConsole(page, demo.admin.email);
  await goToReview(page);
  for (const title of titles) {
    const link = reviewQueue(page).getByRole('button', { name: title, exact: true });
    await expect(link).toHaveText(title, { timeout: 15_000 });
    expect(await shownWhole(link)).toBe(true);
  }
  await reviewQueue(page).getByRole('button', { name: titles[1], exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/hc/queue-titles.png' });
});
