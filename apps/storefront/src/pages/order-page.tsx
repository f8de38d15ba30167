// One order (/orders/:id): items, totals, address, status and its timeline, live (`order:{id}`).
import { Anchor, Badge, Breadcrumbs, Grid, Group, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { ErrorState, LoadingState } from '@marketdesk/ui';
import { isNotFoundError, useLiveEvents, useOnConnect, useRoom } from '@marketdesk/ui/app';
import { Link, useParams } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth';
import { SummaryRow } from '../features/cart/cart-lines';
import { countryName } from '../features/checkout/address-form';
import { describeTimelineEntry, orderState, sortTimeline } from '../features/orders/order-labels';
import { simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import { dayTime, money } from '../lib/format';
import { trpc } from '../trpc';
import { NotFoundPage } from './not-found-page';

function OrderDetail({ id }: { id: string }) {
  const order = trpc.orders.get.useQuery({ id }, { retry: (n, e) => !isNotFoundError(e) && n < 2, retryOnMount: false });
  const utils = trpc.useUtils();
  useRoom(`order:${id}`);
  useLiveEvents((event) => {
    if (event.stream === `order:${id}` || (event.payload as { orderId?: string }).orderId === id) void utils.orders.get.invalidate({ id });
  });
  useOnConnect(() => void utils.orders.get.invalidate({ id }));
  if (order.isPending) return <LoadingState label="Loading your order…" rows={5} />;
  if (order.isError) {
    if (isNotFoundError(order.error)) return <NotFoundPage title="Order not found" description="This order does not exist, or it is not yours." />;
    return <ErrorState error={order.error} onRetry={() => void order.refetch()} />;
  }
  const o = order.data;
  const state = orderState(o.state);
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
            From {o.seller.name} · placed {dayTime(o.createdAt)}
          </Text>
        </Stack>
        <Badge size="xl" color={state.color} variant="light" aria-live="polite">
          {state.label}
        </Badge>
      </Group>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
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
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="timeline">
            <Title order={2} size="h5" mb="md" id="timeline">
              Timeline
            </Title>
            {o.timeline.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing has happened yet.
              </Text>
            ) : (
              <Timeline active={o.timeline.length - 1} bulletSize={16} lineWidth={2}>
                {sortTimeline(o.timeline).map((entry) => {
                  const { title, detail } = describeTimelineEntry(entry);
                  return (
                    <Timeline.Item key={entry.id} title={title}>
                      {detail && (
                        <Text size="sm" c="dimmed">
                          {detail}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed" mt={2}>
                        {dayTime(entry.occurredAt)}
                      </Text>
                    </Timeline.Item>
                  );
                })}
              </Timeline>
            )}
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
