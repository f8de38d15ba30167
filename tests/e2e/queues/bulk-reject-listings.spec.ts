// Bulk reject outside the submissions queue: the reasons offered are the listing-review queue's own
// (they once were the submission reasons for every queue, and the server refused each item), and
// every ticked listing goes back to its seller with the chosen reason.
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiQuery, apiSignIn } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

test('an admin bulk-rejects two listings in review with a listing reason', async ({ page }) => {
  const seller = await apiSignIn(demo.seller1.email);
  const categories = await apiQuery<{ id: string; children: { id: string }[] }[]>(undefined, 'catalog.categories');
  const categoryId = categories[0]!.children[0]?.id ?? categories[0]!.id;
  const titles = [unique('Blurry sleeve A'), unique('Blurry sleeve B')];
  for (const title of titles) {
    await apiMutate(seller, 'listings.create', { categoryId, title, description: 'Photos to follow.', attributes: { artist: 'Test Artist', format: 'LP' }, condition: 'VG', priceMinor: 1500, quantity: 1 });
  }

  await signInToConsole(page, demo.admin.email);
  await page.goto(`${consoleURL}/review/listings`);
  const queue = page.getByRole('table', { name: 'Listing review queue' });
  for (const title of titles) await queue.getByRole('checkbox', { name: `Select ${title}` }).check();
  const bar = page.getByRole('region', { name: 'Bulk actions' });
  await bar.getByRole('button', { name: 'Reject 2' }).click();

  const dialog = page.getByRole('dialog', { name: 'Reject 2 items' });
  await dialog.getByRole('combobox', { name: 'Reason' }).click();
  // The listing queue's reasons, not a submission's.
  await expect(dialog.getByRole('option', { name: 'The photos do not show the item clearly enough' })).toBeVisible();
  await expect(dialog.getByRole('option', { name: 'We are not buying this kind of item right now' })).toHaveCount(0);
  await dialog.getByRole('option', { name: 'The photos do not show the item clearly enough' }).click();
  await dialog.getByLabel('Note to the sellers').fill('Please add photos of both sides of the sleeve.');
  await dialog.getByRole('button', { name: 'Reject all' }).click();

  await expect(page.getByText('Rejected 2 of 2').first()).toBeVisible();
  await expect(page.getByText('Every item was done.')).toBeVisible();
  const mine = await apiQuery<{ title: string; state: string }[]>(seller, 'listings.mine', {});
  for (const title of titles) expect(mine.find((l) => l.title === title)?.state).toBe('rejected');
});
