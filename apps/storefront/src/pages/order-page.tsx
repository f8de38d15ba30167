// One order (/orders/:id): status, shipment with its tracking link, what the buyer can do next
// (cancel, it arrived, confirm receipt), the review once completed, items, totals, address and the
// timeline the API writes for the buyer — live on `order:{id}` (use-order-timeline.ts), so
// "Shipped" appears without a reload.
import { Anchor, Badge, Breadcrumbs, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState, Timestamp } from '@marketdesk/ui';
import { isNotFoundError, OrderDisputes, OrderTimelineList, useOrderTimeline, useRoom } from '@marketdesk/ui/app';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth';
import { SummaryRow } from '../features/cart/cart-lines';
import { countryName } from '../features/checkout/address-form';
import { OrderActions } from '../features/orders/order-actions';
import { OrderChat } from '../features/chat/order-chat';
import { orderStateColor } from '../features/orders/order-labels';
import { ShipmentCard } from '../features/orders/shipment-card';
import { OrderReviewCard } from '../features/reviews/order-review';
import { simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import { money } from '../lib/format';
import { trpc } from '../trpc';
import { NotFoundPage } from './not-found-page';

/** Briefly true after `value` changes (not on first render): a live change worth a highlight. */
function useFlash(value: string | undefined, ms = 2500) {
  const previous = useRef(value);
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (previous.current !== undefined && value !== undefined && previous.current !== value) {
      setFlash(true);
      const t = setTimeout(() => setFlash(false), ms);
      previous.current = value;
      return () => clearTimeout(t);
    }
    previous.current = value;
  }, [value, ms]);
  return flash;
}

function OrderDetail({ id }: { id: string }) {
  const order = trpc.orders.get.useQuery({ id }, { retry: (n, e) => !isNotFoundError(e) && n < 2, retryOnMount: false });
  useRoom(`order:${id}`);
  const { entries } = useOrderTimeline(id, order.data, order.refetch);
  const stateFlash = useFlash(order.data?.state);
  if (order.isPending) return <LoadingState label="Loading your order…" rows={5} />;
  if (order.isError) {
    if (isNotFoundError(order.error)) return <NotFoundPage title="Order not found" description="This order does not exist, or it is not yours." />;
    return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  }
  const o = order.data;
  const state = { label: o.stateLabel, color: orderStateColor(o.state) };
  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/orders" size="sm">
          Your orders
        </Anchor>
        <Text size="sm" c="dimmed">
          Order {o.number}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Title order={1} size="h2">
            Order {o.number}
          </Title>
          <Text c="dimmed" size="sm">
            From{' '}
            <Anchor component={Link} to={`/s/${o.seller.id}`} inherit>
              {o.seller.name}
            </Anchor>{' '}
            · placed <Timestamp value={o.createdAt} />
          </Text>
        </Stack>
        <div aria-live="polite">
          <Badge size="xl" color={state.color} variant={stateFlash ? 'filled' : 'light'} style={{ transition: 'background-color 300ms, color 300ms' }}>
            {state.label}
          </Badge>
        </div>
      </Group>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <OrderActions order={o} onChanged={order.refetch} />
            <OrderDisputes order={o} onChanged={() => void order.refetch()} />
            {o.shipment && <ShipmentCard shipment={o.shipment} deliveredAt={o.deliveredAt} />}
            {o.state === 'completed' && <OrderReviewCard orderId={o.id} sellerName={o.seller.name} />}
            <Paper withBorder radius="md" p="md">
              <Table aria-label="Items" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Item</Table.Th>
                    <Table.Th ta="right">Qty</Table.Th>
                    <Table.Th ta="right">Total</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>{item.title}</Table.Td>
                      <Table.Td ta="right">{item.quantity}</Table.Td>
                      <Table.Td ta="right">{money(item.lineTotalMinor, o.currency)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Stack gap={4} mt="md">
                <SummaryRow label="Items" value={money(o.itemsMinor, o.currency)} small />
                <SummaryRow label="Shipping" value={money(o.shippingMinor, o.currency)} small />
                <SummaryRow label="Tax" value={money(o.taxMinor, o.currency)} small />
                <SummaryRow label="Total" value={money(o.totalMinor, o.currency)} strong />
              </Stack>
            </Paper>
            {o.address && (
              <Paper withBorder radius="md" p="md">
                <Title order={2} size="h5" mb="xs">
                  Shipping to
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {[o.address.name, o.address.line1, o.address.line2, `${o.address.postalCode} ${o.address.city}`, countryName(o.address.country)].filter(Boolean).join('\n')}
                </Text>
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <OrderChat orderId={o.id} sellerName={o.seller.name} />
          <Paper withBorder radius="md" p="md" mt="lg" component="section" aria-labelledby="timeline">
            <Title order={2} size="h5" mb="md" id="timeline">
              Timeline
            </Title>
            <OrderTimelineList entries={entries} emptyText="Nothing has happened yet." />
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function OrderPage() {
  const { id = '' } = useParams();
  useHead(simpleHead('Your order', `/orders/${id}`, undefined, 'noindex'));
  return <Stack py="lg">{/^[0-9a-f-]{36}$/i.test(id) ? <RequireAuth>{() => <OrderDetail id={id} />}</RequireAuth> : <NotFoundPage title="Order not found" />}</Stack>;
}
