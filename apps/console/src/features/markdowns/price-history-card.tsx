// A listing's prices for its seller and staff: under a pricing policy, the planned markdowns (each
// step's date and price, where the floor holds it up, what has happened), and every change so far
// with who or which policy version made it.
import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorState, LoadingState, formatDate, formatMoney } from '@marketdesk/ui';
import { trpc } from '../../trpc';

const reasons: Record<string, string> = { seller: 'Seller edit', markdown: 'Markdown', policy: 'Pricing policy' };

export function PriceHistoryCard({ listingId }: { listingId: string }) {
  const history = trpc.markdowns.priceHistory.useQuery({ listingId });
  let body;
  if (history.isPending) body = <LoadingState label="Loading the price history…" rows={3} />;
  else if (history.isError) body = <ErrorState title="Could not load the price history" error={history.error} onRetry={() => void history.refetch()} />;
  else {
    const h = history.data;
    const money = (amountMinor: number) => formatMoney({ amountMinor, currency: h.currency });
    body = (
      <Stack gap="md">
        {h.policy && h.plan ? (
          <Stack gap="xs">
            <Text size="sm">
              Under <strong>{h.policy.name}</strong> (version {h.policy.version}) since stocked on {formatDate(h.stockedAt)}: never below {money(h.policy.floorMinor)}.
            </Text>
            <Table aria-label="Planned prices" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>From</Table.Th>
                  <Table.Th>Step</Table.Th>
                  <Table.Th ta="right">Price</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {h.plan.map((p) => (
                  <Table.Tr key={p.period}>
                    <Table.Td>{formatDate(p.at)}</Table.Td>
                    <Table.Td>{p.period < 0 ? 'List price' : `After ${p.afterDays} days: −${p.discountBp / 100} %`}</Table.Td>
                    <Table.Td ta="right">{money(p.priceMinor)}</Table.Td>
                    <Table.Td>
                      {p.atFloor && <Badge variant="light" color="orange">Floor</Badge>} {p.reached ? <Badge variant="light" color="gray">Reached</Badge> : <Badge variant="light">Planned</Badge>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No pricing policy applies to this listing: its price changes only when you change it.
          </Text>
        )}
        {h.changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            The price has not changed since it was listed.
          </Text>
        ) : (
          <Table aria-label="Price changes" withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th>Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {h.changes.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{formatDate(c.createdAt)}</Table.Td>
                  <Table.Td>
                    {money(c.fromMinor)} → {money(c.toMinor)}
                  </Table.Td>
                  <Table.Td>
                    {reasons[c.reason] ?? c.reason}
                    {c.policyVersion !== null ? ` · ${c.policyName ?? 'policy'} v${c.policyVersion}` : ''}
                    {c.actorName ? ` · ${c.actorName}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    );
  }
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label="Price history" maw={860} mt="lg">
      <Stack>
        <Title order={2} size="h4">
          Price history
        </Title>
        {body}
      </Stack>
    </Paper>
  );
}
