// The pages the footer links to: how buying, escrow, disputes and refunds work (/help), the terms
// (/terms), what we keep about people (/privacy) and how to reach us (/contact). Static text,
// rendered on the server like every page. Every statement here describes what the code does
// (README: Checkout and payments, Orders and the money, Disputes, Fraud, Chat, Trust and safety);
// figures an operator can configure (fee, auto-completion, reservation time) are not quoted, and
// lists that exist in code (countries, grades, dispute reasons) are read from the domain.
import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { disputeReasonLabels, gradeLabels, shippingCountries } from '@marketdesk/domain';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { simpleHead, type Head } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import { SUPPORT_EMAIL } from '../lib/site-config';

/** Each page's <head>: written by the server (routes.tsx) and kept after client-side navigation. */
export const infoPageHeads = {
  help: simpleHead('How Marketdesk works', '/help', 'How buying, escrow, disputes and refunds work on Marketdesk.'),
  terms: simpleHead('Terms of use', '/terms', 'How buying and selling on Marketdesk works, and what we expect of everyone.'),
  privacy: simpleHead('Privacy', '/privacy', 'What Marketdesk keeps about you, who sees it, and why.'),
  contact: simpleHead('Contact us', '/contact', 'How to reach Marketdesk about an order, your account or selling.'),
} satisfies Record<string, Head>;

function InfoPage({ title, lead, head, children }: { title: string; lead: string; head: Head; children: ReactNode }) {
  useHead(head);
  // The footer links to sections (/help#escrow); a client-side navigation does not scroll by itself.
  const { hash, pathname } = useLocation();
  useEffect(() => {
    const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target) target.scrollIntoView({ block: 'start' });
    else window.scrollTo({ top: 0 });
  }, [hash, pathname]);
  return (
    <Stack py="lg" maw={760} gap="md" component="article">
      <Title order={1}>{title}</Title>
      <Text size="lg" c="dimmed">
        {lead}
      </Text>
      {children}
    </Stack>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mt="lg" mb="xs" style={{ scrollMarginTop: 'calc(var(--app-shell-header-height, 64px) + 16px)' }}>
        {title}
      </Title>
      {children}
    </section>
  );
}

const listed = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));
// A chargeback is the bank's, and "Other" reads as "something else" in a sentence.
const buyerReasons = [
  ...(Object.entries(disputeReasonLabels) as [string, string][]).filter(([code]) => code !== 'chargeback' && code !== 'other').map(([, label]) => label.toLowerCase()),
  'something else',
];
const either = (items: readonly string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} or ${items.at(-1)}` : (items[0] ?? ''));

export function HelpPage() {
  return (
    <InfoPage title="How Marketdesk works" head={infoPageHeads.help} lead="Records from independent sellers, with your payment held safely until your order arrives.">
      <Section id="buying" title="Buying">
        <List spacing={6}>
          <List.Item>Search or browse, open a record and add it to your cart. Each listing shows its condition on the Goldmine scale ({listed(Object.values(gradeLabels))}) and when it should arrive.</List.Item>
          <List.Item>At checkout you give a shipping address and pay by card. The items are reserved for you while you pay; the checkout shows how long.</List.Item>
          <List.Item>Prices are without VAT. VAT is added at your destination country’s rate, and each seller charges shipping once per order (the highest shipping price among that seller’s records).</List.Item>
          <List.Item>We ship to {listed(shippingCountries().map((c) => c.name))}.</List.Item>
          <List.Item>A cart with records from several sellers becomes one order per seller, paid in one payment.</List.Item>
          <List.Item>Questions before you buy? Use <b>Ask the seller</b> on the listing. Email addresses and phone numbers in these messages are hidden, so the sale and its protection stay on Marketdesk.</List.Item>
        </List>
      </Section>
      <Section id="escrow" title="Your payment is held until your order arrives">
        <List spacing={6}>
          <List.Item>When you pay, the money goes to Marketdesk, not to the seller. We hold it (escrow) while the seller packs and ships.</List.Item>
          <List.Item>Some orders are checked by our team before they go to the seller. Your payment is safe meanwhile; if we cannot accept an order, you are refunded in full.</List.Item>
          <List.Item>The seller ships with a tracking number; your order page links to the carrier’s tracking.</List.Item>
          <List.Item>When the parcel arrives, confirm receipt on the order page. Only then — or, if you neither confirm nor report a problem, when the time to report one ends — is the seller paid.</List.Item>
          <List.Item>Your order page shows every step as it happens, with the money that moved for you.</List.Item>
        </List>
      </Section>
      <Section id="cancelling" title="Cancelling">
        <Text>
          You can cancel a paid order until the seller ships it. The whole payment goes back to your card. The seller can also cancel before shipping, with the same full refund.
        </Text>
      </Section>
      <Section id="disputes" title="Something wrong? Report a problem">
        <List spacing={6}>
          <List.Item>On a shipped or delivered order, choose <b>Report a problem</b> on the order page and say what happened — {either(buyerReasons)}. Describe it and add photos or PDFs.</List.Item>
          <List.Item>The seller is told at once, and the payment stays on hold: nothing is released while the problem is open.</List.Item>
          <List.Item>Support may ask you or the seller for more; you answer on the order page before the deadline shown there. You can add to the record at any time while it is open.</List.Item>
          <List.Item>Support decides: a full refund, a partial refund, or that the seller keeps the payment. You and the seller both see the decision and Support’s note on the order page.</List.Item>
          <List.Item>Support works Monday to Friday, 09:00–17:30 London time, except bank holidays in England and Wales; deadlines count those hours.</List.Item>
        </List>
      </Section>
      <Section id="returns" title="Returns and refunds">
        <List spacing={6}>
          <List.Item>Marketdesk has no separate returns form: if a record did not arrive, is not as described or arrived damaged, report a problem (above) and Support settles it with the seller.</List.Item>
          <List.Item>A seller may also refund all or part of an order themselves.</List.Item>
          <List.Item>Every refund goes back to the card you paid with, and shows on the order’s timeline.</List.Item>
        </List>
      </Section>
      <Section id="reviews" title="Reviews">
        <Text>Once an order is complete you can review the seller, once per order. You can edit your review for 7 days; the seller can reply once.</Text>
      </Section>
      <Section id="selling" title="Selling">
        <List spacing={6}>
          <List.Item>Sellers work from the Marketdesk console. Before publishing listings or asking for a payout, a seller verifies their identity.</List.Item>
          <List.Item>Sellers pay Marketdesk a commission on the item price (never on shipping or VAT); buyers never pay it. The console shows the fee and the seller’s net on every order.</List.Item>
          <List.Item>A seller’s share becomes available when the order completes; they request a payout from the console, a member of our team approves it, and it is sent to their bank account.</List.Item>
        </List>
      </Section>
      <Text size="sm" c="dimmed" mt="xl">
        Still stuck? <Anchor component={Link} to="/contact">Contact us</Anchor>.
      </Text>
    </InfoPage>
  );
}

export function TermsPage() {
  return (
    <InfoPage title="Terms of use" head={infoPageHeads.terms} lead="The short version of how buying and selling on Marketdesk works, and what we expect of everyone.">
      <Section id="marketplace" title="The marketplace">
        <Text>
          Marketdesk is a marketplace: independent sellers list records and hi-fi, and buyers buy from them. The sale is between you and the seller. Marketdesk takes the payment, holds it until the order
          arrives, and settles problems between buyer and seller.
        </Text>
      </Section>
      <Section id="buyers" title="Buyers">
        <List spacing={6}>
          <List.Item>The price you pay is the one shown at checkout: items, shipping and VAT for your destination. Nothing is added afterwards.</List.Item>
          <List.Item>Confirm receipt when your order arrives as described, or report a problem from the order page. When the time to report a problem ends without one, the order completes and the seller is paid.</List.Item>
          <List.Item>
            Use <Anchor component={Link} to="/help#disputes">Report a problem</Anchor> rather than a chargeback with your bank: a chargeback freezes the order while the bank decides.
          </List.Item>
        </List>
      </Section>
      <Section id="sellers" title="Sellers">
        <List spacing={6}>
          <List.Item>Describe and grade records honestly, on the Goldmine scale, and keep quantities right.</List.Item>
          <List.Item>Ship within the delivery time your listing states, with a carrier’s tracking number.</List.Item>
          <List.Item>Verify your identity before you publish listings or ask for a payout. Marketdesk keeps a commission on the item price of each order.</List.Item>
          <List.Item>Listings are reviewed before they go on sale, and again when what they describe changes (title, description, photos, condition, category or details).</List.Item>
        </List>
      </Section>
      <Section id="everyone" title="Everyone">
        <List spacing={6}>
          <List.Item>Keep the sale on Marketdesk: contact details in messages before a sale are hidden.</List.Item>
          <List.Item>Be civil in messages and reviews. Anyone can report a message; our team may hide messages and reviews that break these terms, and keeps a record of who did it and why.</List.Item>
          <List.Item>Keep your password to yourself. You can see and sign out every device on your account page.</List.Item>
        </List>
      </Section>
      <Section id="more" title="More">
        <Text>
          How each step works: <Anchor component={Link} to="/help">Help</Anchor>. What we keep about you: <Anchor component={Link} to="/privacy">Privacy</Anchor>. Questions:{' '}
          <Anchor component={Link} to="/contact">Contact</Anchor>.
        </Text>
      </Section>
    </InfoPage>
  );
}

export function PrivacyPage() {
  return (
    <InfoPage title="Privacy" head={infoPageHeads.privacy} lead="What Marketdesk keeps about you, who sees it, and why.">
      <Section id="keep" title="What we keep">
        <List spacing={6}>
          <List.Item>Your account: email address, display name, an optional photo, and your password as a one-way hash (never the password itself).</List.Item>
          <List.Item>Where you are signed in: each device’s session with its address (IP) and browser, so you can see and sign out devices.</List.Item>
          <List.Item>Your orders, shipping addresses (and those you chose to save), reviews, messages, and what you add to a dispute.</List.Item>
          <List.Item>
            Card details go to our payment provider, not to us. We keep the payment’s reference, and the card’s fingerprint and country the provider reports, to spot fraud.
          </List.Item>
          <List.Item>The records you look at and save to your wishlist, to suggest others you may like and to show what is popular.</List.Item>
          <List.Item>To check orders for fraud we also look at the internet address (IP) an order comes from and the buyer’s earlier orders.</List.Item>
        </List>
      </Section>
      <Section id="who" title="Who sees it">
        <List spacing={6}>
          <List.Item>The seller of your order sees your name and shipping address, to send it. Your review shows your name.</List.Item>
          <List.Item>Our team sees orders and disputes to run them. Shipping addresses and identity details are hidden from them unless their role needs them, and each time someone reveals one it is recorded.</List.Item>
          <List.Item>Sellers’ identity documents are seen only by the seller and the team that checks them.</List.Item>
          <List.Item>Photos and files you add to a dispute or a conversation are private to the people in it and our team.</List.Item>
        </List>
      </Section>
      <Section id="browser" title="In your browser">
        <Text>
          One cookie keeps you signed in (it cannot be read by scripts). Your browser’s storage keeps your cart while you are not signed in, your light or dark theme, and a random id that
          counts your views of a record once. There are no advertising cookies or trackers. When card payments go through Stripe, Stripe’s payment form loads on the checkout page, under
          Stripe’s own privacy policy.
        </Text>
      </Section>
      <Section id="email" title="Emails">
        <Text>We email you about your account (confirming your address, password changes) and, as you choose on your account page, about your orders.</Text>
      </Section>
      <Section id="rights" title="Your data">
        <Text>
          To see what we hold about you, correct it or have your account closed, write to <Anchor href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</Anchor>.
        </Text>
      </Section>
    </InfoPage>
  );
}

export function ContactPage() {
  return (
    <InfoPage title="Contact us" head={infoPageHeads.contact} lead="The quickest way to reach us depends on what it is about.">
      <Section id="order" title="About an order">
        <Text>
          Open the order from <Anchor component={Link} to="/orders">Your orders</Anchor> and write in its conversation: the seller reads it, and Support can join. Something wrong with what you
          received? Use <b>Report a problem</b> on the same page, so Support can settle it and the payment stays on hold meanwhile.
        </Text>
      </Section>
      <Section id="before" title="Before you buy">
        <Text>Use <b>Ask the seller</b> on the listing.</Text>
      </Section>
      <Section id="anything" title="Anything else">
        <Text>
          Your account, your data, or selling on Marketdesk: write to <Anchor href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</Anchor>. Support works Monday to Friday, 09:00–17:30 London
          time, except bank holidays in England and Wales.
        </Text>
      </Section>
      <Text size="sm" c="dimmed" mt="xl">
        Many answers are already in <Anchor component={Link} to="/help">How Marketdesk works</Anchor>.
      </Text>
    </InfoPage>
  );
}
