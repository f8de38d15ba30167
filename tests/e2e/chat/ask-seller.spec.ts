// Pre-sale chat, two people in two browsers: a buyer asks a seller about a listing from its page;
// the seller, in the console, sees the question arrive live with an unread badge, opens it and
// types (the buyer sees "typing…"), then replies; the buyer sees the reply live, and the seller
// sees "Seen" once the buyer has read it. Contact details the buyer writes are masked.
import { expect, test } from '../../fixtures/test';
import { apiSignIn, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL, storefrontURL } from '../../fixtures/urls';

test('a buyer asks a seller about a listing and the seller answers live', async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = unique('ask').replace(/-/g, '');
  const title = `Blue Note sampler ${tag}`;
  const [sellerCookie, adminCookie] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email)]);
  const listing = await createLiveListing(sellerCookie, adminCookie, { title, artist: 'Various', priceMinor: 2500, quantity: 2, categorySlug: 'vinyl-jazz' });

  // The seller waits on their Messages page in the console.
  const sellerContext = await browser.newContext();
  const seller = await sellerContext.newPage();
  await signInToConsole(seller, demo.seller1.email);
  await seller.goto(`${consoleURL}/messages`);
  await expect(seller.getByRole('heading', { name: 'Messages', level: 1 })).toBeVisible();

  // A new buyer asks from the listing page.
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(`${storefrontURL}/register`);
  await buyer.getByLabel('Display name').fill('Quinn Question');
  await buyer.getByLabel('Email').fill(`${unique('asker')}@example.test`);
  await buyer.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
  await buyer.getByRole('button', { name: 'Create account' }).click();
  await expect(buyer).toHaveURL(/\/account$/);
  await buyer.goto(`${storefrontURL}/l/${listing.slug}`);
  await buyer.getByRole('button', { name: 'Ask the seller' }).click();
  const buyerChat = buyer.getByRole('dialog').getByRole('region', { name: /^Conversation/ });
  await buyerChat.getByRole('textbox', { name: 'Message' }).fill('Hi! Is the vinyl free of scratches? Reach me at quinn@example.com');
  await buyerChat.getByRole('button', { name: 'Send' }).click();
  const question = buyerChat.getByRole('article', { name: 'Message from you' });
  await expect(question.getByText('Is the vinyl free of scratches? Reach me at [email hidden]')).toBeVisible();
  await expect(buyerChat.getByText('Sending…')).toHaveCount(0);

  // The seller sees it arrive with an unread badge, without reloading.
  const threadItem = seller.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: new RegExp(`${title}.*1 unread`) });
  await expect(threadItem).toBeVisible({ timeout: 10_000 });
  await threadItem.click();
  const sellerChat = seller.getByRole('region', { name: /^Conversation/ });
  await expect(sellerChat.getByText('Is the vinyl free of scratches? Reach me at [email hidden]')).toBeVisible();

  // The seller types: the buyer sees it.
  await sellerChat.getByRole('textbox', { name: 'Message' }).pressSequentially('Yes, it plays', { delay: 40 });
  await expect(buyerChat.getByText(/Groove Records is typing…/)).toBeVisible({ timeout: 5_000 });
  await sellerChat.getByRole('textbox', { name: 'Message' }).pressSequentially(' cleanly, no scratches.', { delay: 10 });
  await sellerChat.getByRole('button', { name: 'Send' }).click();

  // The buyer sees the reply live; the typing line clears; the seller sees "Seen".
  await expect(buyerChat.getByText('Yes, it plays cleanly, no scratches.')).toBeVisible({ timeout: 10_000 });
  await expect(buyerChat.getByText(/is typing…/)).toHaveCount(0);
  await expect(sellerChat.getByText(/· Seen$/)).toBeVisible({ timeout: 10_000 });

  // The badge is gone from the seller's list once read.
  await expect(seller.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: new RegExp(`${title}.*unread`) })).toHaveCount(0, { timeout: 10_000 });

  await sellerContext.close();
  await buyerContext.close();
});
