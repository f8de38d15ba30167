// A seller's orders by status, searchable (order number, buyer, item title) and paged, all in the
// URL. New and changed orders arrive live through the seller's room (joined by the shell, which
// also shows the "New order" toast): the list refetches and the affected rows light up briefly.
import { Badge, Button, Group, Pagination, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { EmptyState, ErrorState, LoadingState, PageHeader, useNow } from '@marketdesk/ui';
import { useLiveEvents } from '@marketdesk/ui/app';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMe } from '../features/auth/use-session';
import { useFreshIds } from '../features/live/use-fresh-ids';
import { isSellerEvent, useLiveRefetch } from '../features/live/use-live-refetch';
import { offsetOf, ordersPageSize, pageCount, readOrderListParams, writeOrderListParams } from '../features/orders/order-list-params';
import { orderTabs } from '../features/orders/order-status';
import { OrdersTable } from '../features/orders/orders-table';
import { trpc } from '../trpc';

export function OrdersPage() {
  const me = useMe();
  const myId = me.data?.id;
  const [params, setParams] = useSearchParams();
  const current = readOrderListParams(params);
  const tab = orderTabs.find((t) => t.value === current.status) ?? orderTabs[0]!;
  const [search, setSearch] = useState(current.q);
  const [debounced] = useDebouncedValue(search, 300);
  useEffect(() => {
    // Typing settles into the URL (replace: no history entry per keystroke).
    if (debounced.trim() !== current.q) setParams(writeOrderListParams(params, { q: debounced }), { replace: true });
  }, [debounced]); // eslint-disable-line react-hooks/exhaustive-deps
  const list = trpc.orders.selling.useQuery(
    { ...(tab.states ? { states: tab.states } : {}), ...(current.q ? { q: current.q } : {}), limit: ordersPageSize, offset: offsetOf(current.page) },
    // Paging and searching keep the previous rows on screen until the next page arrives.
    { placeholderData: (previous) => previous },
  );
  const now = useNow();
  const { fresh, mark } = useFreshIds();

  useLiveRefetch((event) => isSellerEvent(event, myId, 'order.'), list);
  useLiveEvents((event) => {
    if (isSellerEvent(event, myId, 'order.')) mark((event.payload as { orderId: string }).orderId);
  });

  let body;
  if (list.isPending) body = <LoadingState label="Loading your orders…" />;
  else if (list.isError) body = <ErrorState title="Could not load your orders" error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.orders.length === 0) {
    body = current.page > 1 ? (
      <EmptyState
        title={`Page ${current.page} is empty`}
        description="The list got shorter since this link was made."
        action={<Button onClick={() => setParams(writeOrderListParams(params, { page: 1 }))}>Go to page 1</Button>}
      />
    ) : current.q ? (
      <EmptyState title={`No orders match “${current.q}”`} description="Search by order number, buyer name or item title." />
    ) : tab.value === 'all' ? (
        <EmptyState title="No orders yet" description="Paid orders appear here the moment a buyer checks out." />
      ) : (
        <EmptyState title={`No orders: ${tab.label.toLowerCase()}`} description="Orders move between these tabs as they are shipped, delivered and completed." />
    );
  } else {
    body = (
      <>
        <OrdersTable orders={list.data.orders} now={now} freshIds={fresh} />
        <Group justify="space-between" mt="md" wrap="wrap">
          <Text size="sm" c="dimmed">
            {list.data.total === 1
              ? '1 order'
              : `${offsetOf(current.page) + 1}–${offsetOf(current.page) + list.data.orders.length} of ${list.data.total} orders`}
          </Text>
          {list.data.total > ordersPageSize && (
            <Pagination
              total={pageCount(list.data.total)}
              value={current.page}
              onChange={(page) => setParams(writeOrderListParams(params, { page }))}
              size="sm"
              getControlProps={(control) => ({ 'aria-label': control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : control })}
              getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            />
          )}
        </Group>
      </>
    );
  }
  const counts = list.data?.counts;
  const countOf = (states: readonly string[] | undefined) =>
    counts ? (states ?? Object.keys(counts)).reduce((n, s) => n + (counts[s] ?? 0), 0) : undefined;

  return (
    <>
      <PageHeader title="Orders" description="Orders for your listings, newest first. New orders appear live." />
      <TextInput
        label="Search orders"
        placeholder="Order number, buyer name or item title"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maxLength={100}
        maw={420}
        mb="md"
      />
      <Tabs
        value={tab.value}
        onChange={(value) => {
          setParams(writeOrderListParams(params, { status: value ?? 'all' }), { replace: true });
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
