// Editing a live listing: the editor says before saving whether the edit takes the listing out of
// the shop. A price change is "Save changes" and the listing stays Active at its new price; a
// description change is "Save and resubmit for review" and sends it to review (issue 22, item 1).
import { apiSignIn, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { expect, test } from '../../fixtures/test';
import { consoleURL } from '../../fixtures/urls';

test('a price cut keeps a live listing on sale; a description change says it goes back to review', async ({ page }) => {
  const [seller, admin] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email)]);
  const title = unique('Price edit');
  const listing = await createLiveListing(seller, admin, { title, artist: 'Test Artist', priceMinor: 3000, quantity: 2 });

  await signInToConsole(page, demo.seller1.email);
  await page.goto(`${consoleURL}/listings/${listing.id}/edit`);
  const price = page.getByRole('textbox', { name: 'Price' });
  await expect(price).toHaveValue('30.00');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();

  await price.fill('24.00');
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save and resubmit for review' })).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText('Saving keeps this listing on sale');
  await page.screenshot({ path: '/tmp/helper-22-price-edit.png', fullPage: true });
  await page.getByRole('button', { name: 'Save changes' }).click();

  const row = page.getByRole('table', { name: 'My listings' }).getByRole('row', { name: new RegExp(title) });
  await expect(row.getByText(/^active$/i)).toBeVisible();
  await expect(row.getByText('€24.00')).toBeVisible();

  await row.getByRole('link', { name: `Edit ${title}` }).click();
  await expect(page.getByRole('textbox', { name: 'Price' })).toHaveValue('24.00');
  await page.getByRole('textbox', { name: 'Description' }).fill('Now with the original inner sleeve.');
  await expect(page.getByRole('button', { name: 'Save and resubmit for review' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText('Saving sends this listing back to review');
  await page.screenshot({ path: '/tmp/helper-22-description-edit.png', fullPage: true });
  await page.getByRole('button', { name: 'Save and resubmit for review' }).click();

  await expect(page.getByRole('table', { name: 'My listings' }).getByRole('row', { name: new RegExp(title) }).getByText(/^pending review$/i)).toBeVisible();
});
