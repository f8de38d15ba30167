// A seller's orders by status. New and changed orders arrive live through the seller's room
// (joined by the shell, which also shows the "New order" toast): the list refetches and the
// affected rows light up briefly.
import { Badge, Tabs, Text } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState, PageHeader } from '@marketdesk/ui';
import { useLiveEvents } from '@marketdesk/ui/app';
import { useSearchParams } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { useFreshIds } from '../features/live/use-fresh-ids';
import { isSellerEvent, useLiveRefetch } from '../features/live/use-live-refetch';
import { useNow } from '../features/live/use-now';
import { orderTabs } from '../features/orders/order-status';
import { OrdersTable } from '../features/orders/orders-table';
import { trpc } from '../trpc';

const pageSize = 100;

export function OrdersPage() {
  const me = useMe();
  const myId = me.data?.id;
  const [params, setParams] = useSearchParams();
  const tab = orderTabs.find((t) => t.value === params.get('status')) ?? orderTabs[0]!;
  const list = trpc.orders.selling.useQuery(tab.states ? { states: tab.states, limit: pageSize } : { limit: pageSize });
  const now = useNow();
  const { fresh, mark } = useFreshIds();

  useLiveRefetch((event) => isSellerEvent(event, myId, 'order.'), list.refetch);
  useLiveEvents((event) => {
    if (isSellerEvent(event, myId, 'order.')) mark((event.payload as { orderId: string }).orderId);
  });

  let body;
  if (list.isPending) body = <LoadingState label="Loading your orders…" />;
  else if (list.isError) body = <ErrorState title="Could not load your orders" error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.orders.length === 0) {
    body =
      tab.value === 'all' ? (
        <EmptyState title="No orders yet" description="Paid orders appear here the moment a buyer checks out." />
      ) : (
        <EmptyState title={`No orders: ${tab.label.toLowerCase()}`} description="Orders move between these tabs as they are shipped, delivered and completed." />
      );
  } else {
    body = (
      <>
        <OrdersTable orders={list.data.orders} now={now} freshIds={fresh} />
        {list.data.total > list.data.orders.length && (
          <Text size="sm" c="dimmed" mt="sm">
            Showing the newest {list.data.orders.length} of {list.data.total} orders.
          </Text>
        )}
      </>
    );
  }
  const counts = list.data?.counts;
  const countOf = (states: readonly string[] | undefined) =>
    counts ? (states ?? Object.keys(counts)).reduce((n, s) => n + (counts[s] ?? 0), 0) : undefined;

  return (
    <>
      <PageHeader title="Orders" description="Orders for your listings, newest first. New orders appear live." />
      <Tabs
        value={tab.value}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (!value || value === 'all') next.delete('status');
          else next.set('status', value);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {orderTabs.map((t) => (
            <Tabs.Tab
              key={t.value}
              value={t.value}
              rightSection={
                countOf(t.states) !== undefined ? (
                  <Badge size="xs" variant="light" color="gray">
                    {countOf(t.states)}
                  </Badge>
                ) : undefined
              }
            >
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {orderTabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            {t.value === tab.value && body}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
