// A list of conversations with unread badges (storefront Messages, console Messages and the support
// inbox). Rendering only: the caller fetches (use-chat-unread.ts) and decides what selecting does.
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { EmptyState } from '../EmptyState/EmptyState';
import { ErrorState } from '../ErrorState/ErrorState';
import { LoadingState } from '../LoadingState/LoadingState';
import { Timestamp } from '../Timestamp/Timestamp';
import type { RouterOutputs } from '../app/trpc';

export type ChatThreadListItem = RouterOutputs['chat']['myThreads'][number];

export interface ThreadListProps {
  label: string;
  threads: readonly ChatThreadListItem[] | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  selectedId?: string | null;
  onSelect: (thread: ChatThreadListItem) => void;
  empty: { title: string; description: string };
  /** Support inbox: show both parties and whether the agent joined. */
  support?: boolean;
  /** Threads that just changed live: highlighted for a moment (never selected or focused). */
  freshIds?: ReadonlySet<string>;
}

export function ThreadList({ label, threads, loading, error, onRetry, selectedId, onSelect, empty, support, freshIds }: ThreadListProps) {
  if (loading) return <LoadingState label="Loading conversations…" rows={4} />;
  if (error) return <ErrorState title="Could not load conversations" error={error} onRetry={onRetry} />;
  if (!threads || threads.length === 0) return <EmptyState title={empty.title} description={empty.description} />;
  return (
    <Stack gap="xs" role="list" aria-label={label}>
      {threads.map((t) => {
        const selected = t.id === selectedId;
        const fresh = freshIds?.has(t.id) ?? false;
        return (
          <UnstyledButton key={t.id} role="listitem" onClick={() => onSelect(t)} aria-current={selected ? 'true' : undefined} aria-label={`${t.title} with ${t.counterpart}${t.unread ? `, ${t.unread} unread` : ''}`}>
            <Paper withBorder radius="md" p="sm" data-fresh={fresh || undefined} bg={selected ? 'var(--mantine-primary-color-light)' : fresh ? 'var(--mantine-color-yellow-light)' : undefined} style={{ transition: 'background-color 1.5s ease' }}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="nowrap">
                    <Text fw={t.unread ? 700 : 500} size="sm" truncate>
                      {t.counterpart}
                    </Text>
                    <Badge size="xs" variant="light" color={t.kind === 'presale' ? 'grape' : 'blue'}>
                      {t.kind === 'presale' ? 'Question' : 'Order'}
                    </Badge>
                    {support && t.joined && (
                      <Badge size="xs" variant="outline">
                        Joined
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    {t.title}
                  </Text>
                  <Text size="xs" truncate c={t.unread ? undefined : 'dimmed'}>
                    {t.preview}
                  </Text>
                </Stack>
                <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                  {t.lastMessageAtMs && (
                    <Text size="xs" c="dimmed">
                      <Timestamp value={t.lastMessageAtMs} shape="relative" />
                    </Text>
                  )}
                  {t.unread > 0 && (
                    <Badge size="sm" circle={t.unread < 10} color="red" aria-label={`${t.unread} unread`}>
                      {t.unread}
                    </Badge>
                  )}
                </Stack>
              </Group>
            </Paper>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
