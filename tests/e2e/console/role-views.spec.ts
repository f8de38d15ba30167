// Each role's console asks for what that role may read and shows the work that person does
// (issue 16, items 5, 8 and 14). The fixture fails a test on any failed request or console error, so
// a seller's dashboard asking for the payout queue (403) fails here.
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiQuery, apiSignIn } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const live = (page: Page) => expect(page.getByRole('status', { name: 'Live updates: Live' })).toBeVisible();

/** The big number on a dashboard card or a queue row. */
async function countIn(page: Page, region: string): Promise<number> {
  return Number(await page.getByRole('region', { name: region }).getByText(/^\d+$/).first().textContent());
}

test("a seller's dashboard and selling pages ask only for what a seller may read", async ({ page }) => {
  const seller = await apiSignIn(demo.seller1.email);
  await signInToConsole(page, demo.seller1.email);
  await page.goto(`${consoleURL}/`);
  await live(page);
  const inReview = page.getByRole('region', { name: 'Listings in review' });
  await expect(inReview.getByText(/^\d+$/)).toBeVisible();
  const before = await countIn(page, 'Listings in review');

  // A listing sent for review moves the card live (the refetch every reconnect and event triggers
  // is where the payout queue used to be asked for).
  const categories = await apiQuery<{ id: string; children: { id: string }[] }[]>(undefined, 'catalog.categories');
  await apiMutate(seller, 'listings.create', { categoryId: categories[0]!.children[0]?.id ?? categories[0]!.id, title: unique('Dashboard count'), description: 'A record to count on the dashboard.', attributes: { artist: 'Test Artist', format: 'LP' }, condition: 'VG', priceMinor: 1500, quantity: 1 });
  await expect(inReview.getByText(String(before + 1), { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Work queues' })).toHaveCount(0);

  // Every page of the Selling section loads without a refused request.
  for (const [link, heading] of [['My listings', 'My listings'], ['Orders', 'Orders'], ['Payouts', 'Payouts'], ['My submissions', 'My submissions'], ['Verification', 'Verification'], ['Messages', 'Messages']] as const) {
    // A link's name carries its badge ("Messages 3 unread messages" once the demo's disputes wrote).
    await nav(page).getByRole('link', { name: new RegExp(`^${link}\\b`) }).click();
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }
  await nav(page).getByRole('link', { name: 'Dashboard' }).click();
  await expect(inReview).toBeVisible();
});

test('staff see the work they do, not a seller’s Selling section or verification banner', async ({ page, browser }) => {
  await signInToConsole(page, demo.admin.email);
  await live(page);
  await expect(nav(page).getByText('Work queues')).toBeVisible();
  await expect(nav(page).getByText('Selling')).toHaveCount(0);
  for (const link of ['My listings', 'Payouts', 'My submissions', 'Verification', 'Messages']) await expect(nav(page).getByRole('link', { name: link, exact: true })).toHaveCount(0);
  // Staff may open a seller's page (they hold the permissions at scope `any`), but are not asked to verify themselves.
  await page.goto(`${consoleURL}/payouts`);
  await expect(page.getByRole('heading', { name: 'Payouts', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Payout history' }).getByText(/No payouts yet|Payout history/).first()).toBeVisible();
  await expect(page.getByText('Withdrawing needs a verified identity')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/hc/admin-payouts.png', fullPage: true });

  // A seller whose identity check is still in review is reminded, with the way to Verification.
  const context = await browser.newContext();
  const seller = await context.newPage();
  await signInToConsole(seller, 'seller4@marketdesk.test');
  await expect(nav(seller).getByText('Selling')).toBeVisible();
  await nav(seller).getByRole('link', { name: 'Payouts' }).click();
  await expect(seller.getByText('Withdrawing needs a verified identity')).toBeVisible();
  await expect(seller.getByRole('link', { name: 'Go to Verification' })).toBeVisible();
  await context.close();
});

test("an admin's dashboard shows every queue's size, oldest item and SLA risk, live, each linking to its queue", async ({ page, browser }) => {
  await signInToConsole(page, demo.admin.email);
  await live(page);
  const queues = page.getByRole('table', { name: 'Work queues' });
  for (const label of ['Submissions', 'Disputes', 'Order review', 'Listing review', 'KYC review', 'Payout queue']) {
    await expect(queues.getByRole('row', { name: label, exact: true })).toBeVisible();
    await expect(queues.getByRole('row', { name: label, exact: true }).getByRole('link', { name: 'Open queue' })).toBeVisible();
  }
  const submissions = queues.getByRole('row', { name: 'Submissions', exact: true });
  await expect(submissions.getByRole('cell', { name: 'Waiting', exact: true })).toHaveText(/^\d+$/);
  const waiting = Number(await submissions.getByRole('cell', { name: 'Waiting', exact: true }).textContent());
  await page.screenshot({ path: '/tmp/hc/admin-dashboard.png', fullPage: true });

  // A seller submits a record: the count moves without a reload.
  const seller = await apiSignIn('seller2@marketdesk.test');
  await apiMutate(seller, 'submissions.create', { items: [{ artist: 'Dashboard Artist', title: unique('Live count'), format: 'lp', grade: 'VG+', askingMinor: 2500 }] });
  await expect(submissions.getByRole('cell', { name: 'Waiting', exact: true })).toHaveText(String(waiting + 1));

  await submissions.getByRole('link', { name: 'Open queue' }).click();
  await expect(page.getByRole('heading', { name: 'Submissions', level: 1 })).toBeVisible();

  // An agent sees the queues they may work: not the payout queue (payouts.approve is an admin's).
  const context = await browser.newContext();
  const agent = await context.newPage();
  await signInToConsole(agent, demo.agent1.email);
  const theirs = agent.getByRole('table', { name: 'Work queues' });
  await expect(theirs.getByRole('row', { name: 'Disputes', exact: true })).toBeVisible();
  await expect(theirs.getByRole('row', { name: 'Payout queue', exact: true })).toHaveCount(0);
  await context.close();
});
