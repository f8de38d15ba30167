// An order's whole life across three people, each in their own browser, nobody reloading:
// the buyer pays → the seller sees the order appear and ships it with tracking → the buyer's open
// order page shows "Shipped" with the tracking link → the buyer confirms receipt → the seller's
// available balance grows by the net amount → the seller asks for a payout → an admin approves →
// the payout shows paid after the provider's webhook.
import { expect, test, type Page } from '../../fixtures/test';
import { apiMutate, apiSignIn, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { storefrontURL } from '../../fixtures/urls';

const euros = async (page: Page, card: string) => {
  const text = (await page.getByRole('region', { name: card }).innerText()).replace(/\s+/g, ' ');
  const match = /€\s?([\d,]+\.\d{2})/.exec(text);
  return match ? Math.round(Number(match[1]!.replace(/,/g, '')) * 100) : NaN;
};

test('buyer pays, seller ships, buyer confirms, seller is paid out after admin approval — all live', async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = unique('lp').replace(/-/g, '');
  const [seller, admin] = await Promise.all([apiSignIn('seller3@marketdesk.test'), apiSignIn(demo.admin.email)]);
  const listing = await createLiveListing(seller, admin, { title: `Joni Mitchell – Blue ${tag}`, artist: 'Joni Mitchell', priceMinor: 5000, quantity: 1 });

  // The seller watches Orders; the admin watches the payout queue.
  const sellerContext = await browser.newContext();
  const sellerPage = await sellerContext.newPage();
  await signInToConsole(sellerPage, 'seller3@marketdesk.test');
  await sellerPage.getByRole('link', { name: 'Orders' }).click();
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInToConsole(adminPage, demo.admin.email);
  await adminPage.getByRole('link', { name: 'Payout queue' }).click();

  // The buyer (a fresh account) pays for the record.
  const buyerEmail = `${unique('buyer')}@example.test`;
  const buyerContext = await browser.newContext();
  const buyerPage = await buyerContext.newPage();
  await buyerPage.goto(`${storefrontURL}/register`);
  await buyerPage.getByLabel('Display name').fill('Olga Order');
  await buyerPage.getByLabel('Email').fill(buyerEmail);
  await buyerPage.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
  await buyerPage.getByRole('button', { name: 'Create account' }).click();
  await expect(buyerPage).toHaveURL(/\/account$/); // registered and signed in
  const buyer = await apiSignIn(buyerEmail, 'correct horse battery');
  const started = await apiMutate<{ checkoutId: string; orders: { id: string; number: string }[] }>(buyer, 'checkout.start', {
    idempotencyKey: `e2e-${tag}`,
    address: { name: 'Olga Order', line1: 'Prinsengracht 263', city: 'Amsterdam', postalCode: '1016 GV', country: 'NL' },
    lines: [{ listingId: listing.id, quantity: 1, priceMinor: 5000 }],
  });
  await apiMutate(buyer, 'checkout.payWithTestCard', { checkoutId: started.checkoutId, card: 'visa', idempotencyKey: `pay-${tag}` });
  const order = started.orders[0]!;

  // Seller: the order appears without a reload; they ship it with a tracking number.
  const row = sellerPage.getByRole('table', { name: 'Orders' }).getByRole('row', { name: new RegExp(order.number) });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await buyerPage.goto(`${storefrontURL}/orders/${order.id}`);
  await expect(buyerPage.getByText(order.number).first()).toBeVisible();
  await row.getByRole('link').first().click();
  await sellerPage.getByRole('combobox', { name: 'Carrier' }).click();
  await sellerPage.getByRole('option', { name: 'DPD' }).click();
  await sellerPage.getByRole('textbox', { name: 'Tracking number' }).fill('01234567890123');
  await sellerPage.getByRole('button', { name: 'Mark shipped' }).click();

  // Buyer: "Shipped" with the tracking link, live.
  await expect(buyerPage.getByText('Shipped', { exact: true }).first()).toBeVisible({ timeout: 15_000 });
  await expect(buyerPage.getByRole('link', { name: /Track parcel/ })).toHaveAttribute('href', /01234567890123/);

  // Seller opens Payouts before the money arrives.
  await sellerPage.getByRole('link', { name: 'Payouts' }).click();
  await expect.poll(() => euros(sellerPage, 'Available'), { timeout: 15_000 }).not.toBeNaN(); // loaded
  const availableBefore = await euros(sellerPage, 'Available');

  await buyerPage.getByRole('button', { name: 'Mark delivered' }).click();
  await buyerPage.getByRole('button', { name: 'Confirm receipt' }).click();
  const confirm = buyerPage.getByRole('dialog').getByRole('button', { name: 'Confirm receipt' });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();

  // Seller: available grows by the net (total − 10 % fee on the items) without a reload.
  const net = 5000 + 495 + Math.round((5000 + 495) * 0.21) - 500; // NL VAT 21 % on items + shipping
  await expect.poll(() => euros(sellerPage, 'Available'), { timeout: 15_000 }).toBe(availableBefore + net);

  // Seller asks for €10; the admin approves it in the queue; it is paid after the webhook.
  await sellerPage.getByRole('textbox', { name: /Amount/ }).fill('10.00');
  await sellerPage.getByRole('button', { name: 'Request payout' }).click();
  const request = adminPage.getByRole('table', { name: 'Payout queue' }).getByRole('row').filter({ hasText: '€10.00 to Second Spin' }).first();
  await expect(request).toBeVisible({ timeout: 15_000 });
  await request.getByRole('button', { name: /€10\.00 to Second Spin/ }).click();
  await expect(adminPage.getByLabel('Payout under review').getByText('Seller verified')).toBeVisible();
  await adminPage.getByRole('button', { name: 'Approve' }).first().click();
  await adminPage.getByRole('dialog', { name: 'Approve' }).getByRole('button', { name: 'Approve' }).click();
  const history = sellerPage.getByRole('region', { name: 'Payout history' });
  await expect(history.getByText('Paid', { exact: true }).first()).toBeVisible({ timeout: 20_000 });

  for (const c of [sellerContext, adminContext, buyerContext]) await c.close();
});
