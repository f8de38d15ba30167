// The dashboard's view of the team's work: every queue the person may see (the domain's
// queuePermissions, the same rule as the navigation), with how many items wait, how many nobody
// holds, how long the oldest has waited and how many are at risk of their SLA or past it — each row
// linking to its queue ("Open queue", described by the queue's name: a link named after the queue
// would collide with the navigation's link of the same name). One `queues.overview` answer for all queues, fetched again shortly after
// queue events arrive on the queue rooms, so the figures move while the dashboard is open.
import { Anchor, Badge, Group, Paper, Skeleton, Table, Text, Title } from '@mantine/core';
import { queueNames, type QueueName } from '@marketdesk/domain';
import { ErrorState, formatDateTime, formatRelativeTime, useNow } from '@marketdesk/ui';
import { useRooms } from '@marketdesk/ui/app';
import { Link } from 'react-router';
import { trpc, type Me, type RouterOutputs } from '../../trpc';
import { canViewQueue } from '../auth/require-queue';
import { useLiveRefetch } from '../live/use-live-refetch';
import { queuePageOrder, queuePages } from '../queues/queue-pages';

type OverviewRow = RouterOutputs['queues']['overview'][number];

/** Queue events change the figures; others (notes, exports, bulk progress) do not. */
function movesAQueue(name: string): boolean {
  return name.startsWith('queue.item.');
}

function Risk({ row }: { row: OverviewRow }) {
  if (row.open === 0) return <Text size="sm" c="dimmed">—</Text>;
  if (row.atRisk === 0) return <Text size="sm" c="dimmed">On track</Text>;
  const dueSoon = row.atRisk - row.overdue;
  return (
    <Group gap={4} wrap="nowrap">
      {row.overdue > 0 && (
        <Badge color="red" variant="filled" tt="none">
          {row.overdue} overdue
        </Badge>
      )}
      {dueSoon > 0 && (
        <Badge color="orange" variant="light" tt="none">
          {dueSoon} at risk
        </Badge>
      )}
    </Group>
  );
}

export function QueueOverview({ me }: { me: Me }) {
  const watches = queueNames.some((queue) => canViewQueue(me, queue));
  const overview = trpc.queues.overview.useQuery(undefined, { enabled: watches });
  const now = useNow();
  useRooms(queueNames.filter((queue) => canViewQueue(me, queue)).map((queue) => `queue:${queue}`));
  useLiveRefetch((event) => movesAQueue(event.name), overview);
  if (!watches) return null;

  const byQueue = new Map<QueueName, OverviewRow>((overview.data ?? []).map((r) => [r.queue, r]));
  const shown = queuePageOrder.filter((queue) => canViewQueue(me, queue));
  return (
    <Paper withBorder radius="md" p="lg" mb="lg" component="section" aria-label="Work queues">
      <Title order={2} size="h4" mb="sm">
        Work queues
      </Title>
      {overview.isError ? (
        <ErrorState title="Could not load the queues" error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Work queues">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Queue</Table.Th>
                <Table.Th ta="right">Waiting</Table.Th>
                <Table.Th ta="right">Unclaimed</Table.Th>
                <Table.Th>Oldest</Table.Th>
                <Table.Th>SLA</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((queue) => {
                const row = byQueue.get(queue);
                const page = queuePages[queue];
                return (
                  <Table.Tr key={queue} aria-label={page.label}>
                    <Table.Td>
                      <Text id={`queue-overview-${queue}`} fw={600} size="sm">
                        {page.label}
                      </Text>
                    </Table.Td>
                    {row ? (
                      <>
                        <Table.Td ta="right" fw={700} aria-label="Waiting">
                          {row.open}
                        </Table.Td>
                        <Table.Td ta="right" aria-label="Unclaimed">
                          {row.unclaimed}
                        </Table.Td>
                        <Table.Td>
                          {row.oldestAtMs === null ? (
                            <Text size="sm" c="dimmed">—</Text>
                          ) : (
                            <Text size="sm" title={formatDateTime(row.oldestAtMs)}>
                              {formatRelativeTime(row.oldestAtMs, now)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Risk row={row} />
                        </Table.Td>
                      </>
                    ) : (
                      <Table.Td colSpan={4}>
                        <Skeleton h={16} aria-label="Loading" />
                      </Table.Td>
                    )}
                    <Table.Td ta="right">
                      <Anchor component={Link} to={page.path} size="sm" fw={500} aria-describedby={`queue-overview-${queue}`} style={{ whiteSpace: 'nowrap' }}>
                        Open queue →
                      </Anchor>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
