// What the seller does next with an order: pack and ship it (or cancel it with a full refund) while
// paid, record delivery while shipped, and the shipment's details from then on. Which of these the
// viewer may do now is the order's `actions` (the order machine and their grants, decided by the
// API); the card renders those and derives none. Every command sends the version the seller saw; if
// someone else moved the order first (the buyer cancelling, a second tab) the API answers CONFLICT
// and the page shows why and reloads.
import { Alert, Anchor, Button, Divider, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { carriers } from '@marketdesk/domain';
import { formatDateTime, formatMoney } from '@marketdesk/ui';
import { useState } from 'react';
import { errorCode, trpc, type Me, type RouterOutputs } from '../../trpc';
import { formLevelError, serverFieldError } from '../forms/server-errors';
import { CancelOrderModal } from './cancel-order-modal';
import { ShipForm } from './ship-form';

type Order = RouterOutputs['orders']['get'];

export function carrierLabel(carrier: string): string {
  return Object.hasOwn(carriers, carrier) ? carriers[carrier as keyof typeof carriers].label : carrier;
}

export function ShipmentDetails({ order }: { order: Order }) {
  const s = order.shipment;
  if (!s) return null;
  return (
    <Stack gap={4} aria-label="Shipment">
      <Text size="sm">
        Shipped with <b>{carrierLabel(s.carrier)}</b>
        {s.shippedAt ? ` on ${formatDateTime(s.shippedAt)}` : ''}
      </Text>
      <Text size="sm">
        Tracking number{' '}
        {s.trackingUrl ? (
          <Anchor href={s.trackingUrl} target="_blank" rel="noopener noreferrer" ff="monospace">
            {s.trackingNumber}
          </Anchor>
        ) : (
          <Text span ff="monospace">
            {s.trackingNumber}
          </Text>
        )}
      </Text>
      {s.hasProof && (
        <Anchor href={`/files/orders/${order.id}/shipment-proof`} target="_blank" rel="noopener" size="sm">
          Proof of shipment
        </Anchor>
      )}
      {order.deliveredAt && <Text size="sm">Delivered {formatDateTime(order.deliveredAt)}</Text>}
    </Stack>
  );
}

function PackingList({ order }: { order: Order }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Pack for {order.buyer.name}
      </Text>
      <List size="sm" spacing={2} aria-label="Packing list">
        {order.items.map((i) => (
          <List.Item key={i.id}>
            {i.quantity} × {i.title}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

/** The action the API offers this viewer for `command`, if any. */
export function offered(order: Pick<Order, 'actions'>, command: Order['actions'][number]['command']) {
  return order.actions.find((a) => a.command === command);
}

export function FulfillmentCard({ order, me, onChanged }: { order: Order; me: Me | null | undefined; onChanged: () => unknown }) {
  const canShip = offered(order, 'ship');
  const canCancel = offered(order, 'cancel');
  const canMarkDelivered = offered(order, 'mark_delivered');
  const [cancelling, setCancelling] = useState(false);
  const onConflict = (error: { message: string }) => {
    notifications.show({ color: 'yellow', title: 'This order just changed', message: error.message });
    void onChanged();
  };
  const ship = trpc.orders.ship.useMutation({
    onSuccess: () => {
      notifications.show({ color: 'green', title: 'Marked shipped', message: `The buyer of ${order.number} has been told it is on its way.` });
      void onChanged();
    },
    onError: (error) => errorCode(error) === 'CONFLICT' && onConflict(error),
  });
  const delivered = trpc.orders.markDelivered.useMutation({
    onSuccess: () => {
      notifications.show({ color: 'green', title: 'Marked delivered', message: `The buyer can confirm receipt of ${order.number} now.` });
      void onChanged();
    },
    onError: (error) => (errorCode(error) === 'CONFLICT' ? onConflict(error) : notifications.show({ color: 'red', title: 'Could not mark it delivered', message: error.message })),
  });
  const cancel = trpc.orders.cancel.useMutation({
    onSuccess: () => {
      setCancelling(false);
      notifications.show({ color: 'green', title: 'Order cancelled', message: `The buyer of ${order.number} is refunded in full.` });
      void onChanged();
    },
    onError: (error) => {
      if (errorCode(error) !== 'CONFLICT') return;
      setCancelling(false);
      onConflict(error);
    },
  });

  const shipError = ship.error && errorCode(ship.error) !== 'CONFLICT' ? ship.error : null;
  const fields = ['carrier', 'trackingNumber', 'proofId'] as const;
  const refund = formatMoney({ amountMinor: order.totalMinor, currency: order.currency });

  let body;
  if (order.state === 'paid') {
    body = (
      <Stack gap="md">
        <PackingList order={order} />
        {canShip ? (
          <>
            <Divider />
            <ShipForm
              submitting={ship.isPending}
              errors={{
                carrier: serverFieldError(shipError, 'carrier'),
                trackingNumber: serverFieldError(shipError, 'trackingNumber'),
                proofId: serverFieldError(shipError, 'proofId'),
                form: formLevelError(shipError, fields),
              }}
              onSubmit={(input) => ship.mutate({ id: order.id, version: order.version, ...input })}
            />
          </>
        ) : (
          <Text size="sm" c="dimmed">
            Waiting for the seller to ship.
          </Text>
        )}
        {canCancel && (
          <Group justify="flex-start">
            <Button variant="subtle" color="red" size="compact-sm" onClick={() => setCancelling(true)}>
              {canCancel.label}
            </Button>
          </Group>
        )}
      </Stack>
    );
  } else if (order.state === 'shipped') {
    body = (
      <Stack gap="md">
        <ShipmentDetails order={order} />
        <Text size="sm" c="dimmed">
          The buyer confirms receipt once it arrives. If the carrier shows it delivered, you can record that now.
        </Text>
        {canMarkDelivered && (
          <Group>
            <Button loading={delivered.isPending} onClick={() => delivered.mutate({ id: order.id, version: order.version })}>
              {canMarkDelivered.label}
            </Button>
          </Group>
        )}
      </Stack>
    );
  } else if (order.state === 'cancelled') {
    body = (
      <Text size="sm" c="dimmed">
        This order was cancelled; nothing to ship. The timeline shows the reason and the refund.
      </Text>
    );
  } else {
    body = (
      <Stack gap="sm">
        <ShipmentDetails order={order} />
        {order.state === 'delivered' && (
          <Text size="sm" c="dimmed">
            Waiting for the buyer to confirm receipt; the order completes by itself if they report no problem.
          </Text>
        )}
        {order.state === 'completed' && (
          <Alert color="green" variant="light" title="Completed — funds released">
            {formatMoney({ amountMinor: order.totalMinor - order.feeMinor, currency: order.currency })} moved to {me?.id === order.seller.id ? 'your' : `${order.seller.name}’s`} available balance.
          </Alert>
        )}
      </Stack>
    );
  }

  return (
    <>
      {body}
      <CancelOrderModal
        opened={cancelling}
        orderNumber={order.number}
        refund={refund}
        loading={cancel.isPending}
        serverError={cancel.error && errorCode(cancel.error) !== 'CONFLICT' ? cancel.error.message : undefined}
        onClose={() => {
          setCancelling(false);
          cancel.reset();
        }}
        onConfirm={(reason) => cancel.mutate({ id: order.id, version: order.version, reason })}
      />
    </>
  );
}
