// Ledger transfers, newest first, filtered by order, seller (picked by shop name or email) and
// dates, a page at a time (`before` is the last transfer shown). Each shows why money moved (its
// code), its postings by account owner's name, and the order it belongs to — staff can open any order.
import { Anchor, Badge, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { EmptyState, ErrorState, LoadingState, formatDateTime, formatMoney } from '@marketdesk/ui';
import { type ChangeEvent, useState } from 'react';
import { Link } from 'react-router';
import { trpc } from '../../trpc';
import { PersonPicker, type PeopleSearch, type PersonOption } from '../people/person-picker';
import { accountLabel } from './account-owner';
import { checkTransferFilter, noTransferFilter, postingSideLabel, type TransferFilterText } from './ledger-filters';
import { transferCodeLabel } from './transfer-codes';

export const transfersPageSize = 25;
// Transfers carry no currency of their own here; the marketplace settles in euros.
const currency = 'EUR';

/** The seller picker's search: shops by name or email (the roles page's people search, sellers only). */
const useSellerSearch: PeopleSearch = (q) => trpc.ledger.sellers.useQuery({ q }, { enabled: q.length > 0, placeholderData: (previous) => previous });

const statusColors: Record<string, string> = { applied: 'green', posted: 'teal', pending: 'yellow', voided: 'gray', expired: 'gray' };

export function TransfersCard() {
  const [filter, setFilter] = useState<TransferFilterText>(noTransferFilter);
  const [seller, setSeller] = useState<PersonOption | null>(null);
  const [debounced] = useDebouncedValue(filter, 400);
  const { query, errors } = checkTransferFilter(debounced);
  const [stack, setStack] = useState<(string | undefined)[]>([undefined]);
  const before = stack.at(-1);
  const transfers = trpc.ledger.transfers.useQuery({ ...query, ...(before ? { before } : {}), limit: transfersPageSize }, { placeholderData: (previous) => previous });

  const change = (key: keyof TransferFilterText) => (e: ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setFilter((f) => ({ ...f, [key]: value }));
    setStack([undefined]);
  };

  const pickSeller = (person: PersonOption | null) => {
    setSeller(person);
    setFilter((f) => ({ ...f, sellerId: person?.id ?? '' }));
    setStack([undefined]);
  };

  let body;
  if (transfers.isPending) body = <LoadingState label="Loading transfers…" />;
  else if (transfers.isError) body = <ErrorState title="Could not load transfers" error={transfers.error} onRetry={() => void transfers.refetch()} />;
  else if (transfers.data.length === 0 && stack.length === 1) body = <EmptyState title="No transfers match" description="Clear a filter, or widen the dates." />;
  else {
    const rows = transfers.data;
    body = (
      <>
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" aria-label="Transfers">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Postings</Table.Th>
                <Table.Th>Order</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((t) => (
                <Table.Tr key={t.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(t.appliedAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{transferCodeLabel(t.code)}</Text>
                    <Code fz="xs">{t.code}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t.kind.replace('_', ' ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={statusColors[t.status] ?? 'dimmed'} fw={500}>
                      {t.status}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t.postings.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        Settles the hold {t.pendingId ? <Code fz="xs">{t.pendingId}</Code> : null}
                      </Text>
                    ) : (
                      <Stack gap={2}>
                        {t.postings.map((p, i) => (
                          <Group key={i} gap={6} wrap="nowrap">
                            <Badge size="xs" variant="outline" color={p.side === 'debit' ? 'blue' : 'grape'} w={30} px={0}>
                              {postingSideLabel(p.side)}
                            </Badge>
                            <Text size="xs" style={{ whiteSpace: 'nowrap' }} title={p.account}>
                              {accountLabel(p.owner, p.accountName)}
                            </Text>
                            <Text size="xs" fw={500} style={{ whiteSpace: 'nowrap' }}>
                              {formatMoney({ amountMinor: p.amountMinor, currency })}
                            </Text>
                            {p.phase !== 'posted' && (
                              <Text size="xs" c="dimmed">
                                {p.phase}
                              </Text>
                            )}
                          </Group>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t.orderId ? (
                      <Anchor component={Link} to={`/orders/${t.orderId}`} size="sm" fw={500}>
                        {t.orderNumber ?? 'Open order'}
                      </Anchor>
                    ) : t.payoutId ? (
                      <Text size="xs" c="dimmed">
                        Payout
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {(stack.length > 1 || rows.length === transfersPageSize) && (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" disabled={stack.length === 1} onClick={() => setStack((s) => s.slice(0, -1))}>
              Newer
            </Button>
            <Button variant="default" size="xs" disabled={rows.length < transfersPageSize} onClick={() => setStack((s) => [...s, rows.at(-1)!.id])}>
              Older
            </Button>
          </Group>
        )}
      </>
    );
  }

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Transfers">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Transfers
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput label="Order id" placeholder="uuid" value={filter.orderId} onChange={change('orderId')} error={errors.orderId} />
          <PersonPicker label="Seller" placeholder="Shop name or email" value={seller} onChange={pickSeller} useSearch={useSellerSearch} />
          <TextInput label="From" type="date" value={filter.from} onChange={change('from')} error={errors.from} />
          <TextInput label="To" type="date" value={filter.to} onChange={change('to')} error={errors.to} />
        </SimpleGrid>
        {body}
      </Stack>
    </Paper>
  );
}
