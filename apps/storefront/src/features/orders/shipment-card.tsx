// The "Shipped" section of an order: carrier, tracking number, a link to the carrier's tracking
// page (new tab) and when it left the seller.
import { Anchor, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { OrderDetail } from '../../lib/api-types';
import { Timestamp } from '@marketdesk/ui';
import { carrierLabel } from './order-labels';

export function ShipmentCard({ shipment, deliveredAt }: { shipment: NonNullable<OrderDetail['shipment']>; deliveredAt: Date | string | null }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="shipment">
      <Stack gap="xs">
        <Title order={2} size="h5" id="shipment">
          Shipped
        </Title>
        <Text size="sm">
          With <strong>{carrierLabel(shipment.carrier)}</strong>
          {shipment.shippedAt ? (
            <>
              {' '}
              on <Timestamp value={shipment.shippedAt} />
            </>
          ) : null}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Text size="sm">Tracking number</Text>
          <Text size="sm" ff="monospace" fw={600} style={{ wordBreak: 'break-all' }}>
            {shipment.trackingNumber}
          </Text>
        </Group>
        {shipment.trackingUrl && (
          <Anchor href={shipment.trackingUrl} target="_blank" rel="noopener noreferrer" size="sm" fw={600}>
            Track parcel <span aria-hidden>↗</span>
            <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
          </Anchor>
        )}
        {deliveredAt && (
          <Text size="sm" c="dimmed">
            Delivered <Timestamp value={deliveredAt} />
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
