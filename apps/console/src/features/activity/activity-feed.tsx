// The live Team activity list: newest first, fresh arrivals highlighted, every state accounted for.
import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import type { AnyLiveEvent } from '@marketdesk/domain';
import { EmptyState, ErrorState, LoadingState, formatDateTime, formatRelativeTime } from '@marketdesk/ui';
import { useEffect, useState } from 'react';
import { describeEvent } from './describe-event';
import { useTeamActivity } from './use-team-activity';

function useNow(intervalMs: number) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function FeedItem({ event, fresh, now }: { event: AnyLiveEvent; fresh: boolean; now: Date }) {
  const { title, detail, color } = describeEvent(event);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-fresh={fresh || undefined}
      bg={fresh ? 'var(--mantine-primary-color-light)' : undefined}
      style={{ transition: 'background-color 1.5s ease' }}
      aria-label={title}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text fw={500}>{title}</Text>
          {detail && (
            <Text size="sm" c="dimmed">
              {detail}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Badge variant="light" color={color} size="sm" tt="none">
            {event.name}
          </Badge>
          <Text size="xs" c="dimmed" title={formatDateTime(event.occurredAt)}>
            <time dateTime={event.occurredAt}>{formatRelativeTime(event.occurredAt, now)}</time>
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

export function ActivityFeed({ limit = 50 }: { limit?: number }) {
  const { events, freshIds, list, subscribeError } = useTeamActivity(limit);
  const now = useNow(30_000);

  if (list.isPending) return <LoadingState label="Loading team activity…" />;
  if (list.isError) {
    return <ErrorState title="Could not load team activity" error={list.error} onRetry={() => void list.refetch()} />;
  }
  return (
    <Stack gap="sm">
      {subscribeError && (
        <ErrorState title="Live updates are unavailable" error={subscribeError} />
      )}
      {events.length === 0 ? (
        <EmptyState
          title="No activity yet"
          description="Sign-ups, profile changes and sent mail will appear here as they happen."
        />
      ) : (
        <Box component="ul" aria-label="Team activity" p={0} m={0} style={{ listStyle: 'none' }}>
          <Stack gap="xs">
            {events.map((event) => (
              <FeedItem key={event.id} event={event} fresh={freshIds.has(event.id)} now={now} />
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
