// The statement card of the Payouts page: postings, newest first, a page at a time, and the whole
// statement as CSV (GET /files/ledger/statement.csv, served by the API with the session cookie).
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState, formatDateTime, formatMoney } from '@marketdesk/ui';
import { useState } from 'react';
import { trpc } from '../../trpc';
import { sellerAccountLabel, transferCodeLabel } from '../ledger/transfer-codes';
import { useLiveRefetch } from '../live/use-live-refetch';
import { movesSellerMoney } from './payout-status';
import { currentBeforeId, firstStatementPage, newerPage, olderPage, signedAmountMinor } from './statement';

export const statementPageSize = 20;

const phaseColors: Record<string, string> = { posted: 'green', pending: 'yellow', released: 'gray' };

export function StatementTable({ sellerId }: { sellerId: string | undefined }) {
  const [cursor, setCursor] = useState(firstStatementPage);
  const beforeId = currentBeforeId(cursor);
  const statement = trpc.ledger.myStatement.useQuery({ limit: statementPageSize, ...(beforeId ? { beforeId } : {}) }, { placeholderData: (previous) => previous });
  useLiveRefetch((event) => movesSellerMoney(event, sellerId), statement);

  let body;
  if (statement.isPending) body = <LoadingState label="Loading your statement…" />;
  else if (statement.isError) body = <ErrorState title="Could not load your statement" error={statement.error} onRetry={() => void statement.refetch()} />;
  else if (statement.data.length === 0 && cursor.stack.length === 1) body = <EmptyState title="Nothing on your statement yet" description="Escrow releases, payouts and refunds appear here as they happen." />;
  else {
    const rows = statement.data;
    body = (
      <>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label="Statement">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>What</Table.Th>
                <Table.Th>Account</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Amount</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const signed = signedAmountMinor(r);
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</Table.Td>
                    <Table.Td>{transferCodeLabel(r.reason)}</Table.Td>
                    <Table.Td>{sellerAccountLabel(r.account)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" color={phaseColors[r.phase] ?? 'gray'}>
                        {r.phase}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} fw={500} c={signed < 0 ? 'dimmed' : undefined}>
                      {signed < 0 ? '−' : '+'}
                      {formatMoney({ amountMinor: Math.abs(signed), currency: r.currency })}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {(cursor.stack.length > 1 || rows.length === statementPageSize) && (
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" disabled={cursor.stack.length === 1} onClick={() => setCursor(newerPage(cursor))}>
            Newer
          </Button>
          <Button variant="default" size="xs" disabled={rows.length < statementPageSize} onClick={() => setCursor(olderPage(cursor, rows))}>
            Older
          </Button>
        </Group>
        )}
      </>
    );
  }

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Statement">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            Statement
          </Title>
          <Anchor href="/files/ledger/statement.csv" download size="sm">
            Download CSV
          </Anchor>
        </Group>
        <Text size="sm" c="dimmed">
          Every movement on your balance. Pending entries are holds that settle or are released later.
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}
