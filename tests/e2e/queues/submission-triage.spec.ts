// Collaborative triage, three people in three browsers: a seller submits records; two staff see it
// arrive in the queue; one claims it and the other sees who has it (claim disabled); the claimant
// counter-offers; the seller sees the offer live and accepts; both staff see it leave the open
// queue as accepted, and the record is live on the storefront.
import { expect, test } from '../../fixtures/test';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL, storefrontURL } from '../../fixtures/urls';

test('seller submits, two staff triage live with claims, a counter-offer is accepted and listed', async ({ browser }) => {
  test.setTimeout(120_000);
  const album = `Blue Train ${unique('sub').replace(/-/g, '')}`;

  const open = async (email: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInToConsole(page, email);
    return { context, page };
  };
  const dana = await open(demo.admin.email);
  const alex = await open(demo.agent1.email);
  for (const staff of [dana, alex]) await staff.page.goto(`${consoleURL}/queues/submissions`);
  const queueOf = (p: typeof dana) => p.page.getByRole('table', { name: 'Submissions queue' });
  for (const staff of [dana, alex]) await expect(staff.page.getByRole('heading', { name: 'Submissions', level: 1 })).toBeVisible();

  // The seller submits one record for a quote.
  const seller = await open('seller2@marketdesk.test');
  await seller.page.goto(`${consoleURL}/submissions`);
  const item = seller.page.getByRole('region', { name: 'Item 1' });
  await item.getByLabel('Artist').fill('John Coltrane');
  await item.getByLabel('Title').fill(album);
  // Format defaults to LP.
  await item.getByRole('combobox', { name: 'Grade' }).click();
  await seller.page.getByRole('option', { name: /^NM/ }).first().click();
  await item.getByLabel('Asking price (€)').fill('40');
  await seller.page.getByRole('button', { name: 'Submit for a quote' }).click();

  // Both staff see it arrive without a reload.
  const rowIn = (p: typeof dana) => queueOf(p).getByRole('row').filter({ hasText: album });
  await expect(rowIn(dana)).toBeVisible({ timeout: 5_000 });
  await expect(rowIn(alex)).toBeVisible({ timeout: 5_000 });

  // Dana claims it; Alex sees that Dana has it and cannot claim.
  await rowIn(dana).getByRole('button', { name: 'Claim' }).click();
  await expect(rowIn(alex).getByText('Dana Admin has it').or(rowIn(alex).getByText('DA')).first()).toBeVisible({ timeout: 5_000 });
  await expect(rowIn(alex).getByRole('button', { name: 'Claim' })).toBeDisabled();

  // Dana counter-offers €25.
  await rowIn(dana).getByRole('button', { name: new RegExp(album) }).click();
  await dana.page.getByRole('button', { name: 'Counter-offer' }).click();
  await dana.page.getByLabel('Our price for item 1').fill('25');
  await dana.page.getByRole('button', { name: 'Send counter-offer' }).click();

  // The seller, on their submission, sees the offer and accepts it.
  await seller.page.goto(`${consoleURL}/submissions`);
  await seller.page.getByRole('table', { name: 'My submissions' }).getByRole('link', { name: new RegExp(album) }).first().click();
  await expect(seller.page.getByRole('button', { name: 'Accept', exact: true })).toBeEnabled({ timeout: 10_000 });
  await seller.page.getByRole('button', { name: 'Accept', exact: true }).click();

  // Both staff see it leave the open queue as accepted.
  await expect(rowIn(dana)).toHaveCount(0, { timeout: 10_000 });
  await expect(rowIn(alex)).toHaveCount(0, { timeout: 10_000 });

  // …and the record is for sale on the storefront.
  const buyer = await browser.newContext();
  const shop = await buyer.newPage();
  await shop.goto(`${storefrontURL}/search?q=${encodeURIComponent(album)}`);
  await expect(shop.getByText(`John Coltrane – ${album}`).or(shop.getByText(album)).first()).toBeVisible({ timeout: 10_000 });

  for (const c of [dana.context, alex.context, seller.context, buyer]) await c.close();
});
