// A seller's orders: number, when it was paid, who bought, what, for how much, and where it stands.
// Rows open the order; fresh ones (just paid or changed) are highlighted for a few seconds.
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { formatDateTime, formatMoney, formatRelativeTime, toIsoString } from '@marketdesk/ui';
import { Link, useNavigate } from 'react-router';
import type { RouterOutputs } from '../../trpc';
import { describeItems, orderStateColor } from './order-status';

export type SellerOrder = RouterOutputs['orders']['selling']['orders'][number];

/** The state as the API labelled it (the order machine's label), in its colour. */
export function OrderStateBadge({ order }: { order: { state: string; stateLabel: string } }) {
  return (
    <Badge variant="light" color={orderStateColor(order.state)}>
      {order.stateLabel}
    </Badge>
  );
}

export function OrdersTable({ orders, now, freshIds }: { orders: SellerOrder[]; now: Date; freshIds?: ReadonlySet<string> }) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Orders">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Number</Table.Th>
            <Table.Th>Placed</Table.Th>
            <Table.Th>Buyer</Table.Th>
            <Table.Th>Items</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((o) => {
            const fresh = freshIds?.has(o.id) ?? false;
            const placedAt = o.paidAt ?? o.createdAt;
            return (
              <Table.Tr
                key={o.id}
                data-fresh={fresh || undefined}
                bg={fresh ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ cursor: 'pointer', transition: 'background-color 1.5s ease' }}
                onClick={(e) => {
                  // The number is a real link; clicks elsewhere on the row go to the same place.
                  if ((e.target as HTMLElement).closest('a')) return;
                  void navigate(`/orders/${o.id}`);
                }}
              >
                <Table.Td>
                  <Anchor component={Link} to={`/orders/${o.id}`} fw={600} size="sm">
                    {o.number}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" title={formatDateTime(placedAt)}>
                    <time dateTime={toIsoString(placedAt)}>{formatRelativeTime(placedAt, now)}</time>
                  </Text>
                </Table.Td>
                <Table.Td>{o.buyer.name}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1}>
                    {describeItems(o.firstTitle, o.itemCount)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney({ amountMinor: o.totalMinor, currency: o.currency })}
                </Table.Td>
                <Table.Td>
                  <OrderStateBadge order={o} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
