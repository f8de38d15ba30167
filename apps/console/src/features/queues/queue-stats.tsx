// The queue's figures, folded away above the table: live counts per state (from the list answer),
// and over the last 30 days the median time to decision, the acceptance rate and decisions per
// person (`queues.stats`). Fetched only while open, and again shortly after a burst of queue events.
import { Badge, Box, Button, Collapse, Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { QueueName } from '@marketdesk/domain';
import { ErrorState, LoadingState } from '@marketdesk/ui';
import { useLiveEvents } from '@marketdesk/ui/app';
import { useEffect, useRef, useState } from 'react';
import { trpc } from '../../trpc';
import { formatDurationSeconds, formatPercent } from './queue-format';
import { stateStyle } from './queue-states';

const windowDays = 30;
const refetchAfterMs = 2_000;

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="lg" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function WindowFigures({ queue }: { queue: QueueName }) {
  const stats = trpc.queues.stats.useQuery({ queue, days: windowDays });
  const refetch = stats.refetch;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  useLiveEvents((event) => {
    if (!event.name.startsWith('queue.item.') || (event.payload as { queue?: string }).queue !== queue) return;
    // A bulk action sends hundreds of events: one refetch after they settle.
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void refetch();
    }, refetchAfterMs);
  });

  if (stats.isPending) return <LoadingState label="Loading the figures…" />;
  if (stats.isError) return <ErrorState title="Could not load the figures" error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  const top = Math.max(1, ...s.throughput.map((p) => p.decisions));
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Figure label="Median time to decision" value={formatDurationSeconds(s.medianSecondsToDecision)} hint={`last ${windowDays} days`} />
        <Figure label="Acceptance rate" value={formatPercent(s.acceptanceRate)} hint={`of ${s.decided} decided`} />
        <Figure label="Decisions" value={String(s.decided)} hint={`last ${windowDays} days`} />
      </SimpleGrid>
      {s.throughput.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody has decided anything here in the last {windowDays} days.
        </Text>
      ) : (
        <Table aria-label="Decisions per person" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Person</Table.Th>
              <Table.Th w="50%">Decisions</Table.Th>
              <Table.Th ta="right">Count</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.throughput.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>
                  <Progress value={(p.decisions / top) * 100} aria-label={`${p.name}: ${p.decisions} decisions`} />
                </Table.Td>
                <Table.Td ta="right">{p.decisions}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function QueueStats({ queue, counts }: { queue: QueueName; counts: Record<string, number> | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="xs" radius="md" mb="sm" component="section" aria-label="Queue stats">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap={6} wrap="wrap" aria-label="Counts by status">
          {counts &&
            Object.entries(counts)
              .filter(([, n]) => n > 0)
              .map(([state, n]) => {
                const style = stateStyle(queue, state);
                return (
                  <Badge key={state} variant="light" color={style.color}>
                    {style.label}: {n}
                  </Badge>
                );
              })}
        </Group>
        <Button size="xs" variant="subtle" onClick={() => setOpen((o) => !o)} aria-expanded={open} aria-controls="queue-stats-figures">
          {open ? 'Hide stats' : 'Stats'}
        </Button>
      </Group>
      <Collapse expanded={open} keepMounted={false} id="queue-stats-figures">
        <Box pt="sm">{open && <WindowFigures queue={queue} />}</Box>
      </Collapse>
    </Paper>
  );
}
