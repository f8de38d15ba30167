// A message of mine not stored yet: "Sending…", or why it was not sent, with Retry and Discard.
import { Anchor, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { PendingMessage } from './chat-thread-state';
import { MessageText } from './message-text';

export function PendingBubble({ pending, onRetry, onDiscard }: { pending: PendingMessage; onRetry: () => void; onDiscard: () => void }) {
  return (
    <Group justify="flex-end">
      <Stack gap={2} maw="80%" align="flex-end">
        <Paper px="sm" py={6} radius="md" bg="var(--mantine-primary-color-light)" style={{ opacity: 0.7 }} role="article" aria-label="Message from you, not sent yet">
          <Text size="xs" fw={600}>
            You
          </Text>
          {pending.body ? <MessageText body={pending.body} /> : <Text size="sm">{pending.cannedReplyId ? 'Canned reply' : `${pending.attachmentIds.length} file(s)`}</Text>}
        </Paper>
        {pending.status === 'sending' ? (
          <Group gap={4}>
            <Loader size={10} />
            <Text size="xs" c="dimmed">
              Sending…
            </Text>
          </Group>
        ) : (
          <Group gap={6}>
            <Text size="xs" c="red" role="alert">
              {pending.error ?? 'Not sent.'}
            </Text>
            <Anchor component="button" size="xs" onClick={onRetry}>
              Retry
            </Anchor>
            <Anchor component="button" size="xs" c="dimmed" onClick={onDiscard}>
              Discard
            </Anchor>
          </Group>
        )}
      </Stack>
    </Group>
  );
}
