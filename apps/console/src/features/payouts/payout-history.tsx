// A seller's payouts, newest first, with their status; requests nobody has decided yet can be
// withdrawn (the amount returns to Available) — offered when the payout's `actions` say so.
import { Badge, Button, Table, Text } from '@mantine/core';
import { formatDateTime, formatMoney, formatRelativeTime } from '@marketdesk/ui';
import type { RouterOutputs } from '../../trpc';
import { payoutReason, payoutStatus } from './payout-status';

export type Payout = RouterOutputs['payouts']['mine']['payouts'][number];

export function PayoutStatusBadge({ payout }: { payout: { state: string; stateLabel: string; reason: string | null } }) {
  const s = payoutStatus(payout);
  return (
    <Badge variant="light" color={s.color}>
      {s.label}
    </Badge>
  );
}

export function PayoutHistory({ payouts, now, cancellingId, onCancel }: { payouts: Payout[]; now: Date; cancellingId: string | null; onCancel: (p: Payout) => void }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" aria-label="Payout history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Requested</Table.Th>
            <Table.Th ta="right">Amount</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Updated</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payouts.map((p) => {
            const reason = payoutReason(p);
            const cancel = p.actions.find((a) => a.command === 'cancel');
            return (
              <Table.Tr key={p.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.requestedAt)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} fw={600}>
                  {formatMoney({ amountMinor: p.amountMinor, currency: p.currency })}
                </Table.Td>
                <Table.Td>
                  <PayoutStatusBadge payout={p} />
                  {reason && (
                    <Text size="xs" c="dimmed" mt={2}>
                      {reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" title={formatDateTime(p.updatedAt)}>
                    {formatRelativeTime(p.updatedAt, now)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  {cancel && (
                    <Button size="xs" variant="subtle" color="red" loading={cancellingId === p.id} onClick={() => onCancel(p)}>
                      {cancel.label}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
