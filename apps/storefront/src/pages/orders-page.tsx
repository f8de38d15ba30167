// Your orders (/orders): newest first, each with its seller, first item, total and status.
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState, PageHeader, Timestamp } from '@marketdesk/ui';
import { useOnConnect, useLiveEvents } from '@marketdesk/ui/app';
import { Link } from 'react-router';
import { RequireAuth } from '../features/auth/require-auth';
import { orderStateColor } from '../features/orders/order-labels';
import { simpleHead } from '../features/seo/head';
import { useHead } from '../features/seo/use-head';
import { money, plural } from '../lib/format';
import { trpc } from '../trpc';

function OrdersList() {
  const orders = trpc.orders.mine.useQuery();
  const utils = trpc.useUtils();
  // Our user room carries our orders' events: any of them may change a status shown here.
  useLiveEvents((event) => {
    if (event.name.startsWith('order.') || event.name.startsWith('checkout.')) void utils.orders.mine.invalidate();
  });
  useOnConnect(() => void utils.orders.mine.invalidate());
  if (orders.isPending) return <LoadingState label="Loading your orders…" rows={4} />;
  if (orders.isError) return <ErrorState error={orders.error} onRetry={() => void orders.refetch()} />;
  if (orders.data.length === 0) {
    return <EmptyState title="No orders yet" description="When you buy a record, its order and its journey to you show up here." action={<Button component={Link} to="/search">Browse records</Button>} />;
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Orders">
      {orders.data.map((o) => {
        const state = { label: o.stateLabel, color: orderStateColor(o.state) };
        return (
          <Card key={o.id} withBorder radius="md" component="li" padding="md">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/orders/${o.id}`} fw={700}>
                    Order {o.number}
                  </Anchor>
                  <Badge color={state.color} variant="light">
                    {state.label}
                  </Badge>
                </Group>
                <Text size="sm" lineClamp={1}>
                  {o.firstTitle ?? 'Items'}
                  {o.itemCount > 1 ? ` and ${plural(o.itemCount - 1, 'more item')}` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  <Timestamp value={o.createdAt} shape="date" /> · from {o.seller.name}
                </Text>
              </Stack>
              <Text fw={700}>{money(o.totalMinor, o.currency)}</Text>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}

export function OrdersPage() {
  useHead(simpleHead('Your orders', '/orders', undefined, 'noindex'));
  return (
    <Stack py="lg" maw={860}>
      <PageHeader title="Your orders" description="One order per seller; each ships as its own parcel." />
      <RequireAuth>{() => <OrdersList />}</RequireAuth>
    </Stack>
  );
}
