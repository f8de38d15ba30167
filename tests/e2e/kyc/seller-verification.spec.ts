// KYC end to end: a new seller cannot publish until verified; they submit their details and an
// identity document; an admin (second context) sees the check arrive live in the KYC queue, asks
// for more information; the seller sees the question live and answers; the admin approves and the
// seller sees "Verified" without a reload.
import { expect, test } from '../../fixtures/test';
import { apiURL } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo } from '../../fixtures/demo';
import { consoleURL } from '../../fixtures/urls';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

test('a seller gets verified through the KYC queue, live on both sides', async ({ browser }) => {
  const tag = Date.now().toString(36);
  const email = `kyc-${tag}@example.test`;
  const password = 'correct horse battery';
  const legalName = `Kim Verify ${tag}`;
  const res = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password, displayName: `Kim ${tag}`, asSeller: true } }) });
  expect(res.ok).toBe(true);

  const sellerContext = await browser.newContext();
  const seller = await sellerContext.newPage();
  await signInToConsole(seller, email, password);
  await seller.getByRole('link', { name: 'Verification' }).click();
  const status = seller.getByLabel('Verification status');
  await expect(status.getByText('Not verified', { exact: true })).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInToConsole(admin, demo.admin.email);
  await admin.getByRole('link', { name: 'KYC review' }).click();
  const queue = admin.getByRole('table', { name: 'KYC review queue' });
  await expect(queue).toBeVisible();

  // The seller fills in the form and uploads a passport scan.
  const form = seller.getByRole('form', { name: 'Verification form' });
  await form.getByLabel('Full legal name').fill(legalName);
  await form.getByLabel('Date of birth').fill('1990-02-03');
  await form.getByLabel('Street address').fill('Hauptstraße 1');
  await form.getByLabel('City').fill('Berlin');
  await form.getByLabel('Postal code').fill('10115');
  const chooser = seller.waitForEvent('filechooser');
  await form.getByRole('button', { name: /Upload Identity document/ }).click();
  await (await chooser).setFiles({ name: 'passport.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(form.getByText(/passport\.pdf/)).toBeVisible();
  await form.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(status.getByText('In review', { exact: true })).toBeVisible();

  // The admin sees it arrive and asks for more.
  // Queue rows name the seller by display name: the legal name is personal data, shown only inside the check.
  const row = queue.getByRole('row').filter({ hasText: `Kim ${tag}` });
  await expect(row).toBeVisible({ timeout: 5_000 });
  await row.getByRole('button', { name: new RegExp(`Kim ${tag}`) }).click();
  const panel = admin.getByLabel('Verification under review');
  await expect(panel.getByRole('link', { name: /Identity document/ })).toBeVisible();
  await admin.getByRole('button', { name: 'Request info' }).click();
  await admin.getByLabel('What do you need to know?').fill('Please add a proof of address.');
  await admin.getByRole('button', { name: 'Send request' }).click();

  // The seller sees the question live and answers it.
  await expect(seller.getByText('Please add a proof of address.')).toBeVisible({ timeout: 10_000 });
  await seller.getByLabel('Your answer').fill('Here is my utility bill.');
  const chooser2 = seller.waitForEvent('filechooser');
  await seller.getByRole('button', { name: /Upload Proof of address/ }).click();
  await (await chooser2).setFiles({ name: 'bill.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(seller.getByText(/bill\.pdf/)).toBeVisible();
  await seller.getByRole('button', { name: 'Resubmit', exact: true }).click();
  await expect(status.getByText('In review', { exact: true })).toBeVisible({ timeout: 10_000 });

  // Back in the queue with the answer; the admin approves it.
  await expect(panel.getByText('Here is my utility bill.')).toBeVisible({ timeout: 10_000 });
  await admin.getByRole('button', { name: 'Approve' }).first().click();
  await admin.getByRole('dialog', { name: 'Approve' }).getByRole('button', { name: 'Approve' }).click();
  await expect(status.getByText('Verified', { exact: true })).toBeVisible({ timeout: 10_000 });

  for (const c of [sellerContext, adminContext]) await c.close();
});
