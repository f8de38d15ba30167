// A dispute across three people, nobody reloading: the buyer reports a damaged record with a photo
// → an agent sees it arrive in the disputes queue, claims it and resolves it with a partial refund
// → the buyer's order page shows the refund on its timeline live, and the seller's balance holds
// the rest.
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiQuery, apiSignIn, apiURL, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL, storefrontURL } from '../../fixtures/urls';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005000201ffa9a3ad5b0000000049454e44ae426082', 'hex');
const address = { name: 'Dee Spute', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

test('buyer disputes with a photo, an agent resolves with a partial refund, everyone sees it live', async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = unique('dsp').replace(/-/g, '');
  const [seller, admin] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email)]);
  const listing = await createLiveListing(seller, admin, { title: `Nick Drake – Pink Moon ${tag}`, artist: 'Nick Drake', priceMinor: 4000, quantity: 1 });

  // A fresh buyer pays; the seller ships (set-up through the API — the flows are covered elsewhere).
  const email = `${tag}@example.test`;
  const password = 'correct horse battery';
  const reg = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password, displayName: 'Dee Spute' } }) }).catch(() => null);
  expect(reg?.ok).toBe(true);
  const buyerCookie = await apiSignIn(email, password);
  const started = await apiMutate<{ checkoutId: string; orders: { id: string; number: string }[] }>(buyerCookie, 'checkout.start', { idempotencyKey: `k-${tag}`, address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 4000 }] });
  await apiMutate(buyerCookie, 'checkout.payWithTestCard', { checkoutId: started.checkoutId, card: 'visa', idempotencyKey: `p-${tag}` });
  const orderId = started.orders[0]!.id;
  const paid = await apiQuery<{ version: number; totalMinor: number }>(buyerCookie, 'orders.get', { id: orderId });
  await apiMutate(seller, 'orders.ship', { id: orderId, version: paid.version, carrier: 'dpd', trackingNumber: '01234567890123' });
  const balanceBefore = (await apiQuery<{ currency: string; availableMinor: number }[]>(seller, 'ledger.myBalances')).find((b) => b.currency === 'EUR')?.availableMinor ?? 0;

  // The agent watches the disputes queue.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signInToConsole(agent, demo.agent1.email);
  await agent.getByRole('link', { name: 'Disputes' }).click();
  const queue = agent.getByRole('table', { name: 'Disputes queue' });
  await expect(agent.getByRole('heading', { name: 'Disputes' })).toBeVisible();

  // The buyer reports the problem from the order page, with a photo.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(`${storefrontURL}/login`);
  await buyer.getByLabel('Email').fill(email);
  await buyer.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await buyer.getByRole('button', { name: 'Sign in' }).click();
  await buyer.waitForURL((u) => !u.pathname.startsWith('/login'));
  await buyer.goto(`${storefrontURL}/orders/${orderId}`);
  await buyer.getByRole('button', { name: 'Report a problem' }).click();
  const form = buyer.getByRole('region', { name: 'Report a problem' });
  await form.getByRole('textbox', { name: 'What went wrong?' }).or(form.getByRole('combobox', { name: 'What went wrong?' })).first().click();
  await buyer.getByRole('option', { name: 'Arrived damaged' }).click();
  await form.getByLabel('Describe the problem').fill('The sleeve is torn and side B skips.');
  const chooser = buyer.waitForEvent('filechooser');
  await form.getByRole('button', { name: 'Add a photo or PDF' }).click();
  await (await chooser).setFiles({ name: 'sleeve.png', mimeType: 'image/png', buffer: png });
  await expect(form.getByText('sleeve.png')).toBeVisible();
  await form.getByRole('button', { name: 'Open dispute' }).click();
  const panel = buyer.getByRole('region', { name: 'Dispute' });
  await expect(panel.getByText('Open — Support will look at it')).toBeVisible();

  // The agent sees it arrive, claims it and resolves with a €15 refund. (Its row by the order's
  // number: the demo's disputes, and earlier runs', wait in the same queue.)
  const row = queue.getByRole('row').filter({ hasText: started.orders[0]!.number });
  await expect(row).toBeVisible({ timeout: 5_000 });
  await row.getByRole('button', { name: 'Claim' }).click();
  await row.getByRole('button', { name: /damaged/ }).click();
  const desk = agent.getByLabel('Dispute under review');
  await expect(desk.getByLabel('Automatic effects')).toContainText('stays in escrow');
  await expect(desk.getByRole('link', { name: 'Photo 1' })).toBeVisible();

  // They talk: the buyer sees Support typing and the message live; the agent sees it was read.
  const agentChat = desk.getByRole('region', { name: /^Conversation/ });
  const buyerChat = buyer.getByRole('region', { name: /^Conversation/ });
  await expect(buyerChat).toBeVisible();
  await agentChat.getByRole('textbox', { name: 'Message' }).pressSequentially('Sorry about that! Could you tell me', { delay: 40 });
  await expect(buyerChat.getByText(/Support is typing…/)).toBeVisible({ timeout: 5_000 });
  await agentChat.getByRole('textbox', { name: 'Message' }).pressSequentially(' if the record plays at all?', { delay: 5 });
  await agentChat.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(buyerChat.getByText('Sorry about that! Could you tell me if the record plays at all?')).toBeVisible({ timeout: 10_000 });
  await expect(agentChat.getByText(/· Seen$/)).toBeVisible({ timeout: 10_000 });
  await desk.getByRole('button', { name: 'Resolve…' }).click();
  const dialog = agent.getByRole('dialog', { name: 'Resolve dispute' });
  await dialog.getByLabel(/Refund to the buyer/).fill('15');
  await dialog.getByRole('button', { name: /Resolve and refund €15.00/ }).click();

  // The buyer sees the refund live: the dispute settles and the order timeline shows it.
  await expect(panel.getByText('Resolved: partial refund')).toBeVisible({ timeout: 10_000 });
  await expect(panel.getByText('€15.00 refunded')).toBeVisible();
  await expect(buyer.getByRole('region', { name: 'Timeline' }).or(buyer.locator('section[aria-labelledby="timeline"]')).getByText(/refund/i).first()).toBeVisible({ timeout: 10_000 });

  // The seller's available balance holds the rest (net of the fee on it).
  await expect
    .poll(async () => ((await apiQuery<{ currency: string; availableMinor: number }[]>(seller, 'ledger.myBalances')).find((b) => b.currency === 'EUR')?.availableMinor ?? 0) - balanceBefore, { timeout: 10_000 })
    .toBeGreaterThan(0);
  for (const c of [agentContext, buyerContext]) await c.close();
});
