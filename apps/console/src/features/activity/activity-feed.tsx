// The live Team activity list: newest first, each entry a sentence linking to what it is about,
// fresh arrivals highlighted, every state accounted for.
import { Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState, Timestamp, useNow } from '@marketdesk/ui';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../trpc';
import { queuePages } from '../queues/queue-pages';
import { useTeamActivity } from './use-team-activity';

type ActivityEntry = RouterOutputs['activity']['list'][number];

const toneColors: Record<ActivityEntry['tone'], string> = { good: 'green', bad: 'red', warning: 'orange', neutral: 'gray' };

/** Where an entry's subject lives in the console. */
export function activityHref(subject: ActivityEntry['subject']): string | null {
  if (!subject) return null;
  switch (subject.kind) {
    case 'order':
      return `/orders/${subject.orderId}`;
    case 'queue_item':
      return `${queuePages[subject.queue].path}?item=${encodeURIComponent(subject.itemId)}`;
    case 'queue':
      return queuePages[subject.queue].path;
    case 'thread':
      return `/support/inbox?thread=${encodeURIComponent(subject.threadId)}`;
    case 'mail':
      return '/mail';
  }
}

function FeedItem({ entry, fresh, now }: { entry: ActivityEntry; fresh: boolean; now: Date }) {
  const href = activityHref(entry.subject);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-fresh={fresh || undefined}
      bg={fresh ? 'var(--mantine-primary-color-light)' : undefined}
      style={{ transition: 'background-color 1.5s ease', borderLeft: `3px solid var(--mantine-color-${toneColors[entry.tone]}-filled)` }}
      aria-label={entry.text}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        {href ? (
          <Anchor component={Link} to={href} fw={500} c="var(--mantine-color-text)" underline="hover">
            {entry.text}
          </Anchor>
        ) : (
          <Text fw={500}>{entry.text}</Text>
        )}
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          <Timestamp value={entry.occurredAt} shape="relative" now={now} />
        </Text>
      </Group>
    </Paper>
  );
}

export function ActivityFeed({ limit = 50 }: { limit?: number }) {
  const { entries, freshIds, list, subscribeError } = useTeamActivity(limit);
  const now = useNow(30_000);

  if (list.isPending) return <LoadingState label="Loading team activity…" />;
  if (list.isError) {
    return <ErrorState title="Could not load team activity" error={list.error} onRetry={() => void list.refetch()} />;
  }
  return (
    <Stack gap="sm">
      {subscribeError && <ErrorState title="Live updates are unavailable" error={subscribeError} />}
      {entries.length === 0 ? (
        <EmptyState title="No activity yet" description="Orders, disputes, sign-ups and sent mail will appear here as they happen." />
      ) : (
        <Box component="ul" aria-label="Team activity" p={0} m={0} style={{ listStyle: 'none' }}>
          <Stack gap="xs">
            {entries.map((entry) => (
              <FeedItem key={entry.id} entry={entry} fresh={freshIds.has(entry.id)} now={now} />
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
