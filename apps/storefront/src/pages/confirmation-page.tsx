// After paying (/orders/confirmation/:checkoutId): "Thank you", the order number per seller,
// items, totals, address and delivery window. Live: `checkout.paid` / `checkout.payment_failed`
// on our user room refetch it, so a payment the provider confirms later (webhook) flips from
// "Confirming payment…" to "Paid" by itself. A paid order the risk checks hold for a person's
// review (`under_review`) has not gone to the seller: the page says so, what happens next, and
// follows the decision (`order.review_approved` / `order.cancelled`) live.
import { Alert, Anchor, Badge, Button, Group, Loader, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { deliveryEstimate } from '@marketdesk/domain';
import { ErrorState, LoadingState } from '@marketdesk/ui';
import { isNotFoundError, useLiveEvents, useOnConnect } from '@marketdesk/ui/app';
import { Link, useParams } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth';
import { SummaryRow } from '../features/cart/cart-lines';
import { countryName } from '../features/checkout/address-form';
import { orderStateColor } from '../features/orders/order-labels';
import { simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import { DeliveryWindow } from '../features/orders/delivery-window';
import { money } from '../lib/format';
import { trpc } from '../trpc';
import { NotFoundPage } from './not-found-page';

const orderDecisions = new Set(['order.review_approved', 'order.cancelled', 'order.held_for_review']);

type PaidCheckout = { orders: { state: string }[] };

/** What is true of a paid checkout's orders right now, in the buyer's words. */
export function paidHeadline(c: PaidCheckout): { title: string; badge: { label: string; color: string }; text: string } {
  const many = c.orders.length > 1;
  const held = c.orders.filter((o) => o.state === 'under_review').length;
  if (held > 0) {
    return {
      title: 'Thank you — we are checking your order',
      badge: { label: 'Paid · being checked', color: 'orange' },
      text: `Your payment is safe: Marketdesk holds it, and the seller has not been told yet. Before ${held > 1 ? 'these orders go' : 'this order goes'} to the seller, a member of our team checks ${held > 1 ? 'them' : 'it'}. If all is well, the seller is told and ships as usual; if we cannot accept ${held > 1 ? 'an order' : 'it'}, your payment for it is refunded to your card in full. This page updates by itself.`,
    };
  }
  if (c.orders.every((o) => o.state === 'cancelled' || o.state === 'refunded')) {
    return { title: many ? 'Your orders were cancelled' : 'Your order was cancelled', badge: { label: 'Refunded', color: 'gray' }, text: 'Your payment is refunded to your card in full.' };
  }
  return {
    title: 'Thank you for your order',
    badge: { label: 'Paid', color: 'green' },
    text: `We sent the ${many ? 'orders' : 'order'} to the ${many ? 'sellers' : 'seller'}. Your payment is held in escrow until it arrives.`,
  };
}

function Confirmation({ id }: { id: string }) {
  const utils = trpc.useUtils();
  const checkout = trpc.checkout.get.useQuery(
    { id },
    {
      retry: (n, e) => !isNotFoundError(e) && n < 2,
      retryOnMount: false,
      // The live event is the fast path; this is the safety net if the socket is down.
      refetchInterval: (q) => (q.state.data?.state === 'awaiting_payment' ? 10_000 : false),
    },
  );
  useLiveEvents((event) => {
    if ((event.name === 'checkout.paid' || event.name === 'checkout.payment_failed' || event.name === 'checkout.expired') && (event.payload as { checkoutId?: string }).checkoutId === id) {
      void utils.checkout.get.invalidate({ id });
    }
    // A held order approved (sent to the seller) or rejected (cancelled and refunded).
    if (orderDecisions.has(event.name) && checkout.data?.orders.some((o) => o.id === (event.payload as { orderId?: string }).orderId)) {
      void utils.checkout.get.invalidate({ id });
    }
  });
  useOnConnect(() => void utils.checkout.get.invalidate({ id }));

  if (checkout.isPending) return <LoadingState label="Loading your order…" rows={5} />;
  if (checkout.isError) {
    if (isNotFoundError(checkout.error)) return <NotFoundPage title="Checkout not found" description="This checkout does not exist, or it is not yours." />;
    return <ErrorState error={checkout.error} onRetry={() => void checkout.refetch()} />;
  }
  const c = checkout.data;
  const from = new Date(c.paidAt ?? c.expiresAt).getTime();
  const headline = c.state === 'paid' ? paidHeadline(c) : null;
  return (
    <Stack gap="lg" maw={760}>
      {headline ? (
        <Group gap="md" wrap="nowrap" align="flex-start" aria-live="polite">
          <ThemeIcon size={48} radius="xl" color={headline.badge.color} aria-hidden>
            ✓
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={1} size="h2">
              {headline.title}
            </Title>
            <Group gap={6} wrap="wrap">
              <Badge color={headline.badge.color} variant="light">
                {headline.badge.label}
              </Badge>
            </Group>
            <Text c="dimmed">{headline.text}</Text>
          </Stack>
        </Group>
      ) : c.state === 'awaiting_payment' ? (
        <Group gap="md" wrap="nowrap" role="status">
          <Loader size="md" />
          <Stack gap={2}>
            <Title order={1} size="h2">
              Confirming payment…
            </Title>
            <Text c="dimmed">Your bank is confirming the payment. This page updates by itself.</Text>
          </Stack>
        </Group>
      ) : (
        <Alert color="red" variant="light" title={c.state === 'expired' ? 'This checkout expired' : 'Payment failed'} role="alert">
          <Stack gap="sm">
            <Text size="sm">{c.failureMessage ?? 'Nothing was charged and your items were released.'}</Text>
            <Group>
              <Button component={Link} to="/cart" variant="default">
                Return to your cart
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      {c.orders.map((o) => {
        const estimate = deliveryEstimate(o.deliverySlaDays, from);
        const state = { label: o.stateLabel, color: orderStateColor(o.state) };
        return (
          <Paper key={o.id} withBorder radius="md" p="md" component="section" aria-label={`Order ${o.number}`}>
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Group gap="xs">
                <Title order={2} size="h4">
                  Order {o.number}
                </Title>
                <Badge color={state.color} variant="light">
                  {state.label}
                </Badge>
              </Group>
              {c.state === 'paid' && (
                <Anchor component={Link} to={`/orders/${o.id}`} size="sm">
                  Track this order
                </Anchor>
              )}
            </Group>
            <Table>
              <Table.Tbody>
                {o.items.map((item, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>{item.title}</Table.Td>
                    <Table.Td ta="right" w={60}>
                      × {item.quantity}
                    </Table.Td>
                    <Table.Td ta="right" w={110}>
                      {money(item.lineTotalMinor, c.currency)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group justify="space-between" mt="sm" wrap="wrap">
              {o.state === 'under_review' ? (
                <Text size="sm" c="dimmed">
                  The delivery estimate follows once the check is done.
                </Text>
              ) : o.state === 'cancelled' || o.state === 'refunded' ? (
                <Text size="sm" c="dimmed">
                  Cancelled — refunded in full.
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  Estimated delivery:{' '}
                  <strong>
                    <DeliveryWindow earliest={estimate.earliestMs} latest={estimate.latestMs} />
                  </strong>
                </Text>
              )}
              <Text fw={600}>{money(o.totalMinor, c.currency)}</Text>
            </Group>
          </Paper>
        );
      })}
      <Paper withBorder radius="md" p="md">
        <Group align="flex-start" justify="space-between" wrap="wrap" gap="lg">
          <Stack gap={2}>
            <Title order={2} size="h5">
              Shipping to
            </Title>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {[c.address.name, c.address.line1, c.address.line2, `${c.address.postalCode} ${c.address.city}`, countryName(c.address.country)].filter(Boolean).join('\n')}
            </Text>
          </Stack>
          <Stack gap={4} miw={240}>
            <SummaryRow label="Items" value={money(c.itemsMinor, c.currency)} small />
            <SummaryRow label="Shipping" value={money(c.shippingMinor, c.currency)} small />
            <SummaryRow label="Tax" value={money(c.taxMinor, c.currency)} small />
            <SummaryRow label={c.state === 'paid' ? 'Paid' : 'Total'} value={money(c.totalMinor, c.currency)} strong />
          </Stack>
        </Group>
      </Paper>
      <Group>
        <Button component={Link} to="/orders" variant="light">
          Your orders
        </Button>
        <Button component={Link} to="/search" variant="default">
          Keep browsing
        </Button>
      </Group>
    </Stack>
  );
}

export function ConfirmationPage() {
  const { checkoutId = '' } = useParams();
  useHead(simpleHead('Thank you', `/orders/confirmation/${checkoutId}`, undefined, 'noindex'));
  return <Stack py="lg">{/^[0-9a-f-]{36}$/i.test(checkoutId) ? <RequireAuth>{() => <Confirmation id={checkoutId} />}</RequireAuth> : <NotFoundPage title="Checkout not found" />}</Stack>;
}
