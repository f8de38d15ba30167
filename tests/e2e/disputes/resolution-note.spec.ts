// The buyer and the seller both keep their order page open while an agent settles the buyer's
// dispute with a €10 refund and a note "to both parties": each page shows the outcome and the note
// without a reload (issue 16, item 4), and each timeline tells the story once per thing that
// happened, with the reader's own money (item 7). The dispute form names what it wants (item 15).
import { expect, test, type Page } from '../../fixtures/test';
import { apiMutate, apiQuery, apiSignIn, apiURL, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL, storefrontURL } from '../../fixtures/urls';

const address = { name: 'Nora Note', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
const note = 'The photos show the torn sleeve. €10 goes back to the buyer; the record itself plays fine.';

async function signInToStorefront(page: Page, email: string, password: string) {
  await page.goto(`${storefrontURL}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

test('both parties see the outcome and Support’s note live, and each timeline tells the story once', async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = unique('note').replace(/-/g, '');
  const [seller, admin, agentCookie] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email), apiSignIn(demo.agent1.email)]);
  const listing = await createLiveListing(seller, admin, { title: `Joni Mitchell – Blue ${tag}`, artist: 'Joni Mitchell', priceMinor: 5000, quantity: 1 });

  // A new buyer pays and the seller ships (set-up through the API: those flows have their own tests).
  const email = `${tag}@example.test`;
  const password = 'correct horse battery';
  const reg = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password, displayName: 'Nora Note' } }) });
  expect(reg.ok).toBe(true);
  const buyerCookie = await apiSignIn(email, password);
  const started = await apiMutate<{ checkoutId: string; orders: { id: string }[] }>(buyerCookie, 'checkout.start', { idempotencyKey: `k-${tag}`, address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 5000 }] });
  await apiMutate(buyerCookie, 'checkout.payWithTestCard', { checkoutId: started.checkoutId, card: 'visa', idempotencyKey: `p-${tag}` });
  const orderId = started.orders[0]!.id;
  const paid = await apiQuery<{ version: number; number: string }>(buyerCookie, 'orders.get', { id: orderId });
  await apiMutate(seller, 'orders.ship', { id: orderId, version: paid.version, carrier: 'dpd', trackingNumber: '01234567890123' });

  // The seller keeps the order open in the console; the buyer in the storefront.
  const sellerContext = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const sellerPage = await sellerContext.newPage();
  await signInToConsole(sellerPage, demo.seller1.email);
  await sellerPage.goto(`${consoleURL}/orders/${orderId}`);
  await expect(sellerPage.getByRole('heading', { name: `Order ${paid.number}` })).toBeVisible();

  const buyerContext = await browser.newContext({ viewport: { width: 1300, height: 1100 } });
  const buyer = await buyerContext.newPage();
  await signInToStorefront(buyer, email, password);
  await buyer.goto(`${storefrontURL}/orders/${orderId}`);

  // Item 15: the reason select says what to choose; submitting without one says what is missing.
  await buyer.getByRole('button', { name: 'Report a problem' }).click();
  const form = buyer.getByRole('region', { name: 'Report a problem' });
  const reason = form.getByRole('textbox', { name: 'What went wrong?' }).or(form.getByRole('combobox', { name: 'What went wrong?' })).first();
  await expect(reason).toHaveAttribute('placeholder', 'Choose what went wrong');
  await form.getByLabel('Describe the problem').fill('The sleeve arrived torn along the spine.');
  await form.getByRole('button', { name: 'Open dispute' }).click();
  await expect(form.getByText('Choose what went wrong', { exact: true }).last()).toBeVisible();
  await buyer.screenshot({ path: '/tmp/helper-timeline-dispute-form.png', fullPage: true });
  await reason.click();
  await buyer.getByRole('option', { name: 'Arrived damaged' }).click();
  await form.getByRole('button', { name: 'Open dispute' }).click();
  const buyerDispute = buyer.getByRole('region', { name: 'Dispute' });
  await expect(buyerDispute.getByText('Open — Support will look at it')).toBeVisible();
  // Adding to the record is optional: no required mark, and Add waits for something to add.
  const addition = buyerDispute.getByRole('textbox', { name: 'Add to the record' });
  await expect(addition).not.toHaveAttribute('required', /.*/);
  await expect(buyerDispute.getByRole('button', { name: 'Add', exact: true })).toBeDisabled();
  await addition.fill('Photos of the sleeve to follow.');
  await expect(buyerDispute.getByRole('button', { name: 'Add', exact: true })).toBeEnabled();
  await addition.fill('');

  // The seller's page shows the dispute arrive.
  const sellerDispute = sellerPage.getByRole('region', { name: 'Dispute' });
  await expect(sellerDispute.getByText('Open — Support will look at it')).toBeVisible({ timeout: 10_000 });

  // An agent settles it: €10 back, with a note to both parties (the Resolve dialog's fields).
  const disputeId = (await apiQuery<{ id: string }[]>(buyerCookie, 'disputes.forOrder', { orderId }))[0]!.id;
  const row = (await apiQuery<{ items: { id: string; subjectId: string }[] }>(agentCookie, 'queues.list', { queue: 'disputes', filter: { states: ['open'] }, limit: 200 })).items.find((i) => i.subjectId === disputeId)!;
  const claimed = await apiMutate<{ version: number }>(agentCookie, 'queues.claim', { id: row.id });
  await apiMutate(agentCookie, 'disputes.resolve', { id: row.id, version: claimed.version, outcome: 'split', buyerShareMinor: 1000, note });

  // Without a reload, each party reads the decision and the note.
  const buyerOutcome = buyerDispute.getByRole('alert', { name: 'Support’s decision: partial refund' });
  await expect(buyerOutcome).toBeVisible({ timeout: 10_000 });
  await expect(buyerOutcome).toContainText('€10.00 refunded to your card; the rest goes to the seller.');
  await expect(buyerOutcome).toContainText('Note from Support');
  await expect(buyerOutcome).toContainText(note);
  const sellerOutcome = sellerDispute.getByRole('alert', { name: 'Support’s decision: partial refund' });
  await expect(sellerOutcome).toBeVisible({ timeout: 10_000 });
  await expect(sellerOutcome).toContainText('€10.00 refunded to the buyer’s card; the rest goes to the seller.');
  await expect(sellerOutcome).toContainText(note);

  // Item 7: one entry per thing that happened, in order, with the reader's money.
  const buyerTimeline = buyer.getByRole('list', { name: 'Order timeline' });
  await expect(buyerTimeline.getByRole('listitem')).toHaveText(
    [/^Order placed and paid€\d+\.\d\d paid/, /^Shipped with DPD/, /^You reported a problem/, /^Dispute resolved: partial refund€10\.00 back€10\.00 back to your card\./],
    { timeout: 10_000 },
  );
  const sellerTimeline = sellerPage.getByRole('list', { name: 'Order timeline' });
  await expect(sellerTimeline.getByRole('listitem')).toHaveText([/^Order placed by Nora Note€\d+\.\d\d held/, /^Shipped with DPD/, /^Nora Note reported a problem/, /^Dispute resolved: partial refund to the buyer€\d+\.\d\d released€10\.00 refunded to Nora Note\. €\d+\.\d\d released to your balance\./], {
    timeout: 10_000,
  });

  await buyer.screenshot({ path: '/tmp/helper-timeline-buyer-order.png', fullPage: true });
  await sellerPage.screenshot({ path: '/tmp/helper-timeline-seller-order.png', fullPage: true });
  for (const c of [sellerContext, buyerContext]) await c.close();
});
