// One payout request in the approver's drawer: the amount, whether the seller is verified, their
// balances right now and their recent payouts, so an odd request stands out.
import { Alert, Badge, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState, formatDateTime, formatMoney, LoadingState } from '@marketdesk/ui';
import { trpc } from '../../trpc';
import type { QueueRow } from '../queues/queue-rows';
import { useFollowRow } from '../queues/use-follow-row';
import { payoutStatus } from './payout-status';

export function PayoutSubject({ row }: { row: QueueRow }) {
  const found = trpc.payouts.get.useQuery({ id: row.subjectId });
  useFollowRow(row, found.refetch);
  if (found.isPending) return <LoadingState label="Loading the payout…" />;
  if (found.isError) return <ErrorState title="Could not load the payout" error={found.error} onRetry={() => void found.refetch()} />;
  const { payout, seller, sellerVerified } = found.data;
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: payout.currency });
  const balance = seller.balance;
  return (
    <Stack gap="sm" aria-label="Payout under review">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {money(payout.amountMinor)}
        </Title>
        <Badge variant="light" color={sellerVerified ? 'green' : 'red'} tt="none">
          {sellerVerified ? 'Seller verified' : 'Seller not verified'}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        To {payout.seller.name} · requested {formatDateTime(payout.requestedAt)}
      </Text>
      {!sellerVerified && <Alert color="red">This seller has no approved identity check. Reject the payout until they are verified.</Alert>}
      <SimpleGrid cols={3} spacing="xs" aria-label="Seller balances">
        {[
          ['Available', balance.availableMinor],
          ['Pending (escrow)', balance.pendingMinor],
          ['Paid out so far', balance.paidOutMinor],
        ].map(([label, value]) => (
          <Stack key={label as string} gap={0}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={600}>{money(value as number)}</Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Text size="sm" fw={600}>
        Recent payouts
      </Text>
      <Table aria-label="Recent payouts of this seller" verticalSpacing={4}>
        <Table.Tbody>
          {seller.payouts.map((p) => {
            const status = payoutStatus(p);
            return (
              <Table.Tr key={p.id} fw={p.id === payout.id ? 600 : undefined}>
                <Table.Td>{formatDateTime(p.requestedAt)}</Table.Td>
                <Table.Td ta="right">{money(p.amountMinor)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={status.color} tt="none">
                    {status.label}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
