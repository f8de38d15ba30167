// One order as its seller sees it: lines, money (including what the platform keeps and what the
// seller nets), where it goes, and its timeline — live through the order's own room.
import { Anchor, Divider, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState, PageHeader, formatDateTime, formatMoney } from '@marketdesk/ui';
import { useRoom } from '@marketdesk/ui/app';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useArrivals } from '../features/live/use-fresh-ids';
import { useLiveRefetch } from '../features/live/use-live-refetch';
import { sellerNetMinor } from '../features/orders/order-status';
import { OrderTimeline } from '../features/orders/order-timeline';
import { OrderStateBadge } from '../features/orders/orders-table';
import { trpc, type RouterOutputs } from '../trpc';

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

function ItemsAndTotals({ order }: { order: Order }) {
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
        <MoneyRow label="Your net" amountMinor={sellerNetMinor(order)} currency={c} strong />
      </Stack>
    </Card>
  );
}

function ShippingAddress({ order }: { order: Order }) {
  const a = order.address;
  return (
    <Card title="Ship to">
      {a ? (
        <Text size="sm" component="address" style={{ fontStyle: 'normal', whiteSpace: 'pre-line' }}>
          {[a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country, a.phone].filter(Boolean).join('\n')}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          The address is only shown to the buyer and seller of this order.
        </Text>
      )}
      <Text size="xs" c="dimmed">
        Deliver within {order.deliverySlaDays} business {order.deliverySlaDays === 1 ? 'day' : 'days'} of payment.
      </Text>
    </Card>
  );
}

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = trpc.orders.get.useQuery({ id });
  const room = useRoom(id ? `order:${id}` : null);
  useLiveRefetch((event) => event.stream === `order:${id}`, order.refetch);
  const freshIds = useArrivals(order.data?.timeline.map((e) => e.id));

  const back = (
    <Anchor component={Link} to="/orders" size="sm">
      ← Orders
    </Anchor>
  );
  if (order.isPending) return <>{back}<LoadingState label="Loading the order…" rows={6} /></>;
  if (order.isError) return <>{back}<ErrorState title="Could not load this order" error={order.error} onRetry={() => void order.refetch()} /></>;

  const o = order.data;
  const placedAt = o.paidAt ?? o.createdAt;
  return (
    <>
      {back}
      <PageHeader
        title={`Order ${o.number}`}
        description={`Placed ${formatDateTime(placedAt)} by ${o.buyer.name}`}
        actions={<OrderStateBadge state={o.state} />}
      />
      {room.error && <ErrorState title="Live updates are unavailable" error={room.error} />}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
        <Stack gap="lg" style={{ gridColumn: 'span 2' }}>
          <ItemsAndTotals order={o} />
        </Stack>
        <Stack gap="lg">
          <ShippingAddress order={o} />
          <Card title="Timeline">
            <OrderTimeline entries={o.timeline} buyerName={o.buyer.name} currency={o.currency} freshIds={freshIds} />
          </Card>
        </Stack>
      </SimpleGrid>
    </>
  );
}
