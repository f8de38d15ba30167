// Every ledger account with its balances, named by its owner (the shop, the buyer or the platform)
// and searchable by a shop's name or by code (`platform:escrow`).
import { Code, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { EmptyState, ErrorState, LoadingState, formatMoney } from '@marketdesk/ui';
import { useState } from 'react';
import { trpc } from '../../trpc';
import { accountNameLabel, accountOwnerLabel } from './account-owner';

export function AccountsCard() {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const accounts = trpc.ledger.accounts.useQuery(q ? { q, limit: 200 } : { limit: 200 }, { placeholderData: (previous) => previous });
  const money = (amountMinor: number, currency: string) => formatMoney({ amountMinor, currency });

  let body;
  if (accounts.isPending) body = <LoadingState label="Loading accounts…" />;
  else if (accounts.isError) body = <ErrorState title="Could not load the accounts" error={accounts.error} onRetry={() => void accounts.refetch()} />;
  else if (accounts.data.length === 0) body = <EmptyState title={q ? `No shop or account code matches “${q}”` : 'No accounts yet'} />;
  else
    body = (
      <Table.ScrollContainer minWidth={860} mah={420}>
        <Table verticalSpacing="xs" stickyHeader aria-label="Accounts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Account</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th ta="right">Posted</Table.Th>
              <Table.Th ta="right">Available</Table.Th>
              <Table.Th ta="right">Pending in</Table.Th>
              <Table.Th ta="right">Pending out</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.data.map((a) => (
              <Table.Tr key={a.code}>
                <Table.Td>
                  <Text size="sm" fw={500} title={a.owner && a.owner.kind !== 'platform' && a.owner.nameMasked ? 'Initials only: you may not see this person’s details' : undefined}>
                    {accountOwnerLabel(a.owner)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{accountNameLabel(a.name)}</Text>
                  <Code fz="xs" c="dimmed">
                    {a.code}
                  </Code>
                </Table.Td>
                <Table.Td>{a.type}</Table.Td>
                <Table.Td ta="right">{money(a.postedMinor, a.currency)}</Table.Td>
                <Table.Td ta="right">{money(a.availableMinor, a.currency)}</Table.Td>
                <Table.Td ta="right" c={a.pendingInMinor ? undefined : 'dimmed'}>
                  {money(a.pendingInMinor, a.currency)}
                </Table.Td>
                <Table.Td ta="right" c={a.pendingOutMinor ? undefined : 'dimmed'}>
                  {money(a.pendingOutMinor, a.currency)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Accounts">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Accounts
        </Title>
        <TextInput label="Search by shop or code" placeholder="e.g. Groove Records, platform or :available" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} maw={420} />
        {accounts.data && accounts.data.length >= 200 && (
          <Text size="xs" c="dimmed">
            Showing the first 200 accounts; search to narrow down.
          </Text>
        )}
        {body}
      </Stack>
    </Paper>
  );
}
