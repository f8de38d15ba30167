// The support inbox is live, two people, nobody reloading: an agent has "All order conversations"
// open; a buyer writes about their order for the first time (a new conversation no agent joined),
// and the conversation appears in the agent's inbox with the buyer's words, then the buyer's next
// message updates it — through the staff room support:inbox, without the poll it used to wait for.
import { expect, test } from '../../fixtures/test';
import { apiMutate, apiSignIn, apiURL, createLiveListing } from '../../fixtures/api';
import { signInToConsole } from '../../fixtures/console';
import { demo, unique } from '../../fixtures/demo';
import { consoleURL, storefrontURL } from '../../fixtures/urls';

const address = { name: 'Ola Order', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

test('a buyer writes in an order conversation and the agent’s open inbox shows it live', async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = unique('inbox').replace(/-/g, '');
  const [seller, admin] = await Promise.all([apiSignIn(demo.seller1.email), apiSignIn(demo.admin.email)]);
  const listing = await createLiveListing(seller, admin, { title: `Can – Tago Mago ${tag}`, artist: 'Can', priceMinor: 3500, quantity: 1 });

  // A fresh buyer pays (set-up through the API: checkout is covered elsewhere).
  const email = `${tag}@example.test`;
  const password = 'correct horse battery';
  const reg = await fetch(`${apiURL}/trpc/auth.register`, { method: 'POST', headers: { 'content-type': 'application/json', origin: consoleURL }, body: JSON.stringify({ json: { email, password, displayName: 'Ola Order' } }) });
  expect(reg.ok).toBe(true);
  const buyerCookie = await apiSignIn(email, password);
  const started = await apiMutate<{ checkoutId: string; orders: { id: string; number: string }[] }>(buyerCookie, 'checkout.start', { idempotencyKey: `k-${tag}`, address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 3500 }] });
  await apiMutate(buyerCookie, 'checkout.payWithTestCard', { checkoutId: started.checkoutId, card: 'visa', idempotencyKey: `p-${tag}` });
  const order = started.orders[0]!;

  // The buyer opens their order page (the conversation exists, empty, so it is in no inbox yet).
  const buyerContext = await browser.newContext();
  const buyer = await buyerContext.newPage();
  await buyer.goto(`${storefrontURL}/login?next=${encodeURIComponent(`/orders/${order.id}`)}`);
  await buyer.getByLabel('Email').fill(email);
  await buyer.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await buyer.getByRole('button', { name: 'Sign in' }).click();
  await buyer.waitForURL((u) => u.pathname === `/orders/${order.id}`);
  const buyerChat = buyer.getByRole('region', { name: /^Conversation/ });
  await expect(buyerChat.getByRole('textbox', { name: 'Message' })).toBeVisible();

  // The agent has every order conversation open in the Support inbox.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signInToConsole(agent, demo.agent1.email);
  await agent.getByRole('link', { name: 'Support inbox' }).click();
  // The segmented control's own label (the empty inbox's hint names the option too).
  await agent.getByText('All order conversations', { exact: true }).click();
  const inbox = agent.getByRole('list', { name: 'Order conversations' });
  await expect(inbox.or(agent.getByText('No order conversations'))).toBeVisible();
  const conversation = inbox.getByRole('listitem', { name: new RegExp(`Order ${order.number} with Ola Order`) });
  await expect(conversation).toHaveCount(0);

  // The buyer writes: the new conversation arrives in the agent's inbox with the buyer's words.
  await buyerChat.getByRole('textbox', { name: 'Message' }).fill('Hello, has my Tago Mago shipped yet?');
  await buyerChat.getByRole('button', { name: 'Send' }).click();
  await expect(conversation).toBeVisible();
  await expect(conversation.getByText('Hello, has my Tago Mago shipped yet?')).toBeVisible();
  await agent.screenshot({ path: '/tmp/helper-22-support-inbox.png' });

  // And the next message in that conversation (which the agent has not joined) updates it too.
  await buyerChat.getByRole('textbox', { name: 'Message' }).fill('It is a birthday present, so I would love to know.');
  await buyerChat.getByRole('button', { name: 'Send' }).click();
  await expect(conversation.getByText('It is a birthday present, so I would love to know.')).toBeVisible();

  await agentContext.close();
  await buyerContext.close();
});
