// Reconciliation with the payment provider: run it now (it also runs nightly) and read the last
// runs with every mismatch — which payment, refund or payout disagrees, and by how much.
import { Accordion, Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EmptyState, ErrorState, LoadingState, formatDateTime, formatMoney } from '@marketdesk/ui';
import { errorCode, trpc } from '../../trpc';
import { describeChecked, mismatchKindLabels, readMismatches } from './reconciliation';

const currency = 'EUR';
const amount = (v: number | null) => (v === null ? '—' : formatMoney({ amountMinor: v, currency }));

export function ReconciliationCard() {
  const runs = trpc.ledger.runs.useQuery({ limit: 10 });
  const run = trpc.ledger.reconcileNow.useMutation({
    onSuccess: (result) => {
      const n = result.mismatches.length;
      notifications.show({ color: n ? 'yellow' : 'green', title: n ? `${n} ${n === 1 ? 'mismatch' : 'mismatches'} found` : 'Books match the provider', message: describeChecked(result.checked) });
      void runs.refetch();
    },
  });
  const unavailable = run.error && errorCode(run.error) === 'SERVICE_UNAVAILABLE';

  let body;
  if (runs.isPending) body = <LoadingState label="Loading reconciliation runs…" rows={2} />;
  else if (runs.isError) body = <ErrorState title="Could not load reconciliation runs" error={runs.error} onRetry={() => void runs.refetch()} />;
  else if (runs.data.length === 0) body = <EmptyState title="No runs yet" description="Run one now; it also runs every night." />;
  else
    body = (
      <Accordion variant="separated" multiple defaultValue={runs.data[0] && runs.data[0].mismatchCount > 0 ? [runs.data[0].id] : []}>
        {runs.data.map((r) => {
          const mismatches = readMismatches(r.mismatches);
          return (
            <Accordion.Item key={r.id} value={r.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="wrap" gap="xs" pr="sm">
                  <Text size="sm" fw={500}>
                    {formatDateTime(r.ranAt)}{' '}
                    <Text span size="xs" c="dimmed">
                      {r.triggeredBy ? 'run by hand' : 'nightly'} · {describeChecked(r.checked)}
                    </Text>
                  </Text>
                  <Badge color={r.mismatchCount ? 'red' : 'green'} variant="light">
                    {r.mismatchCount ? `${r.mismatchCount} ${r.mismatchCount === 1 ? 'mismatch' : 'mismatches'}` : 'All match'}
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                {mismatches.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Every payment, refund and payout matched the provider.
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={640}>
                    <Table verticalSpacing="xs" aria-label={`Mismatches of the run at ${formatDateTime(r.ranAt)}`}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Kind</Table.Th>
                          <Table.Th>Reference</Table.Th>
                          <Table.Th ta="right">Ledger</Table.Th>
                          <Table.Th ta="right">Provider</Table.Th>
                          <Table.Th>What is wrong</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {mismatches.map((m, i) => (
                          <Table.Tr key={`${m.reference}-${i}`}>
                            <Table.Td>{mismatchKindLabels[m.kind] ?? m.kind}</Table.Td>
                            <Table.Td>
                              <Code fz="xs">{m.reference}</Code>
                            </Table.Td>
                            <Table.Td ta="right">{amount(m.ledgerMinor)}</Table.Td>
                            <Table.Td ta="right">{amount(m.providerMinor)}</Table.Td>
                            <Table.Td>
                              <Text size="sm">{m.message}</Text>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    );

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label="Reconciliation">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            Reconciliation
          </Title>
          <Button onClick={() => run.mutate()} loading={run.isPending}>
            Run reconciliation now
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          Compares the ledger with the payment provider’s payments, refunds and payouts of the last days. It also runs every night.
        </Text>
        {run.error && (
          <Alert color={unavailable ? 'yellow' : 'red'} variant="light" title={unavailable ? 'Reconciliation is unavailable' : 'The run failed'}>
            {run.error.message}
          </Alert>
        )}
        {body}
      </Stack>
    </Paper>
  );
}
