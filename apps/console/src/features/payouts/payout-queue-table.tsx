// The admin payout queue: who asked for how much and when; undecided requests get Approve/Reject.
import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { formatDateTime, formatMoney, formatRelativeTime } from '@marketdesk/ui';
import type { RouterOutputs } from '../../trpc';
import { PayoutStatusBadge } from './payout-history';
import { payoutReason } from './payout-status';

export type QueuedPayout = RouterOutputs['payouts']['queue'][number];

export interface PayoutQueueTableProps {
  payouts: QueuedPayout[];
  now: Date;
  freshIds?: ReadonlySet<string>;
  myId: string | undefined;
  busy: { id: string; decision: 'approve' | 'reject' } | null;
  onApprove: (p: QueuedPayout) => void;
  onReject: (p: QueuedPayout) => void;
}

function Decision({ p, busy, onApprove, onReject }: { p: QueuedPayout } & Pick<PayoutQueueTableProps, 'busy' | 'onApprove' | 'onReject'>) {
  if (p.state !== 'requested') return null;
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="default" color="red" onClick={() => onReject(p)} loading={busy?.id === p.id && busy.decision === 'reject'} disabled={busy?.id === p.id}>
        Reject
      </Button>
      <Button size="xs" onClick={() => onApprove(p)} loading={busy?.id === p.id && busy.decision === 'approve'} disabled={busy?.id === p.id}>
        Approve
      </Button>
    </Group>
  );
}

/** Phones get one card per payout, so the decision buttons never hide in a scrolled table. */
function PayoutCards({ payouts, now, freshIds, myId, ...actions }: PayoutQueueTableProps) {
  return (
    <Stack gap="sm" role="list" aria-label="Payouts">
      {payouts.map((p) => {
        const fresh = freshIds?.has(p.id) ?? false;
        const reason = payoutReason(p);
        return (
          <Paper key={p.id} role="listitem" withBorder radius="md" p="sm" bg={fresh ? 'var(--mantine-primary-color-light)' : undefined} style={{ transition: 'background-color 1.5s ease' }}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text size="sm" fw={500}>
                  {p.seller.name}
                  {p.seller.id === myId ? ' (you)' : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  Requested {formatRelativeTime(p.requestedAt, now)}
                </Text>
              </Stack>
              <Text fw={600}>{formatMoney({ amountMinor: p.amountMinor, currency: p.currency })}</Text>
            </Group>
            <Group justify="space-between" mt="xs" wrap="nowrap">
              <PayoutStatusBadge payout={p} />
              <Decision p={p} {...actions} />
            </Group>
            {reason && (
              <Text size="xs" c="dimmed" mt={4}>
                {reason}
              </Text>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

export function PayoutQueueTable(props: PayoutQueueTableProps) {
  const phone = useMediaQuery('(max-width: 36em)');
  if (phone) return <PayoutCards {...props} />;
  const { payouts, now, freshIds, myId, busy, onApprove, onReject } = props;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Payouts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Seller</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Requested</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payouts.map((p) => {
            const fresh = freshIds?.has(p.id) ?? false;
            const amount = formatMoney({ amountMinor: p.amountMinor, currency: p.currency });
            const reason = payoutReason(p);
            const mine = p.seller.id === myId;
            return (
              <Table.Tr key={p.id} data-fresh={fresh || undefined} bg={fresh ? 'var(--mantine-primary-color-light)' : undefined} style={{ transition: 'background-color 1.5s ease' }}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.seller.name}
                  </Text>
                  {mine && (
                    <Badge size="xs" variant="outline" color="gray">
                      Your own request
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {amount}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" title={formatDateTime(p.requestedAt)}>
                    <time dateTime={new Date(p.requestedAt).toISOString()}>{formatRelativeTime(p.requestedAt, now)}</time>
                  </Text>
                </Table.Td>
                <Table.Td>
                  <PayoutStatusBadge payout={p} />
                  {reason && (
                    <Text size="xs" c="dimmed" mt={2} lineClamp={2}>
                      {reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Decision p={p} busy={busy} onApprove={onApprove} onReject={onReject} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
