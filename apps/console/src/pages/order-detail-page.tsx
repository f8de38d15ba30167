// One order as its seller (or staff) sees it: what to do next (pack and ship, cancel, record
// delivery), lines and money (including what the platform keeps and what the seller nets), where it
// goes and by when, the buyer's review, the dispute with Support's decision and note, and the
// timeline the API writes for this reader — live through the order's own room (use-order-timeline.ts).
import { Anchor, Badge, Button, Divider, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState, PageHeader, formatDate, formatDateTime, formatMoney, useNow } from '@marketdesk/ui';
import { OrderDisputes, OrderTimelineList, useOrderTimeline, useRoom } from '@marketdesk/ui/app';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { can, useMe } from '../features/auth/use-session';
import { useArrivals } from '../features/live/use-fresh-ids';
import { deliveryDueAt, dueStatus } from '../features/orders/fulfillment';
import { FulfillmentCard } from '../features/orders/fulfillment-card';
import { ReviewView, useOrderReview } from '../features/orders/order-review';
import { sellerNetMinor } from '../features/orders/order-status';
import { OrderStateBadge } from '../features/orders/orders-table';
import { trpc, type RouterOutputs } from '../trpc';
import { OrderThreadPanel } from '../features/chat/order-thread-panel';

type Order = RouterOutputs['orders']['get'];

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

function MoneyRow({ label, amountMinor, currency, strong, negative }: { label: string; amountMinor: number; currency: string; strong?: boolean; negative?: boolean }) {
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text size="sm" fw={strong ? 600 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 600 : undefined} c={negative ? 'dimmed' : undefined}>
        {negative ? '−' : ''}
        {formatMoney({ amountMinor, currency })}
      </Text>
    </Group>
  );
}

function ItemsAndTotals({ order, isSeller }: { order: Order; isSeller: boolean }) {
  const c = order.currency;
  return (
    <Card title="Items">
      <Table verticalSpacing="xs" aria-label="Items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Unit price</Table.Th>
            <Table.Th ta="right">Qty</Table.Th>
            <Table.Th ta="right">Line total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.items.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td>{i.title}</Table.Td>
              <Table.Td ta="right">{formatMoney({ amountMinor: i.unitPriceMinor, currency: c })}</Table.Td>
              <Table.Td ta="right">{i.quantity}</Table.Td>
              <Table.Td ta="right">{formatMoney({ amountMinor: i.lineTotalMinor, currency: c })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap={6} maw={360} ml="auto" w="100%" aria-label="Totals">
        <MoneyRow label="Items" amountMinor={order.itemsMinor} currency={c} />
        <MoneyRow label="Shipping" amountMinor={order.shippingMinor} currency={c} />
        <MoneyRow label="Tax" amountMinor={order.taxMinor} currency={c} />
        <Divider />
        <MoneyRow label="Total paid" amountMinor={order.totalMinor} currency={c} strong />
        <MoneyRow label="Platform fee" amountMinor={order.feeMinor} currency={c} negative />
        <Divider />
        <MoneyRow label={isSeller ? 'Your net' : 'Seller’s net'} amountMinor={sellerNetMinor(order)} currency={c} strong />
      </Stack>
    </Card>
  );
}

const dueColors = { overdue: 'red', soon: 'yellow', ok: 'gray' } as const;

function DeliveryDue({ order, now }: { order: Order; now: Date }) {
  const due = deliveryDueAt(order.paidAt, order.deliverySlaDays);
  const days = `${order.deliverySlaDays} business ${order.deliverySlaDays === 1 ? 'day' : 'days'}`;
  if (!due) return <Text size="xs" c="dimmed">Deliver within {days} of payment.</Text>;
  // Only orders still on their way to the buyer can be late.
  const open = order.state === 'paid' || order.state === 'shipped';
  const status = dueStatus(due, now);
  return (
    <Group gap="xs" wrap="wrap">
      <Text size="sm">
        Deliver by <b>{formatDate(due)}</b>{' '}
        <Text span size="xs" c="dimmed">
          ({days} after payment)
        </Text>
      </Text>
      {open && (
        <Badge size="sm" variant="light" color={dueColors[status.tone]}>
          {status.label}
        </Badge>
      )}
    </Group>
  );
}

function ShippingAddress({ order, now }: { order: Order; now: Date }) {
  // Staff get a masked address; Reveal asks the API for the clear one (recorded in the audit log).
  const reveal = trpc.pii.reveal.useMutation();
  const a = (reveal.data?.value as Order['address'] | undefined) ?? order.address;
  return (
    <Card title="Ship to">
      <Text size="sm">
        Buyer: <b>{order.buyer.name}</b>
      </Text>
      {a ? (
        <>
          <Text size="sm" component="address" style={{ fontStyle: 'normal', whiteSpace: 'pre-line' }}>
            {[a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country, a.phone].filter(Boolean).join('\n')}
          </Text>
          {order.addressMasked && !reveal.data && (
            <Button size="compact-xs" variant="subtle" onClick={() => reveal.mutate({ kind: 'order_address', id: order.id })} loading={reveal.isPending}>
              Reveal address
            </Button>
          )}
          {reveal.error && (
            <Text size="xs" c="red">
              {reveal.error.message}
            </Text>
          )}
        </>
      ) : (
        <Text size="sm" c="dimmed">
          The address is only shown to the buyer and seller of this order.
        </Text>
      )}
      <DeliveryDue order={order} now={now} />
    </Card>
  );
}

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const order = trpc.orders.get.useQuery({ id });
  const room = useRoom(id ? `order:${id}` : null);
  const { entries: timeline, ready } = useOrderTimeline(id, order.data, order.refetch);
  const review = useOrderReview(id);
  const freshIds = useArrivals(ready ? timeline.map((e) => e.id) : undefined);
  const now = useNow();

  // Staff without orders of their own arrive from the ledger or a notification.
  const back = can(me.data, 'orders.ship') ? (
    <Anchor component={Link} to="/orders" size="sm">
      ← Orders
    </Anchor>
  ) : null;
  if (order.isPending) return <>{back}<LoadingState label="Loading the order…" rows={6} /></>;
  if (order.isError) return <>{back}<ErrorState title="Could not load this order" error={order.error} onRetry={() => void order.refetch()} /></>;

  const o = order.data;
  const placedAt = o.paidAt ?? o.createdAt;
  return (
    <>
      {back}
      <PageHeader
        title={`Order ${o.number}`}
        description={`Placed ${formatDateTime(placedAt)} by ${o.buyer.name}${me.data?.id === o.seller.id ? '' : ` · sold by ${o.seller.name}`}`}
        actions={<OrderStateBadge order={o} />}
      />
      {room.error && <ErrorState title="Live updates are unavailable" error={room.error} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
          <Card title="Fulfillment">
            <FulfillmentCard order={o} me={me.data} onChanged={order.refetch} />
          </Card>
          <OrderDisputes order={o} onChanged={() => void order.refetch()} />
          <ItemsAndTotals order={o} isSeller={me.data?.id === o.seller.id} />
          {review.isError && <ErrorState title="Could not load the review" error={review.error} onRetry={() => void review.refetch()} />}
          {review.data && (
            <Card title="Review">
              <ReviewView review={review.data} canModerate={can(me.data, 'reviews.moderate')} />
            </Card>
          )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <ShippingAddress order={o} now={now} />
            <Card title="Messages">
              <OrderThreadPanel orderId={o.id} height={300} />
            </Card>
            <Card title="Timeline">
              <OrderTimelineList entries={timeline} freshIds={freshIds} />
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
