// The conversation panel both apps embed (storefront order page and Messages, console Messages,
// support inbox, the disputes split view): messages with day separators, "sending…" until stored,
// typing, presence, "Seen", edit/delete own, attachments, report, and for staff hide and canned
// replies. Everything a person wrote is rendered as text (MessageText), never as HTML. This file
// lays the panel out; each part is its own component beside it.
import { Alert, Group, Paper, Stack, Text } from '@mantine/core';
import { hasGrant } from '@marketdesk/domain';
import { useState } from 'react';
import { ErrorState } from '../ErrorState/ErrorState';
import { LoadingState } from '../LoadingState/LoadingState';
import { trpc } from '../app/trpc';
import { ChatPresence, TypingLine } from './chat-presence';
import { Composer } from './composer';
import { MessageDialog, type MessageDialogState } from './message-dialog';
import { MessageList } from './message-list';
import { useChatThread } from './use-chat-thread';

export interface ChatPanelProps {
  threadId: string;
  /** Height of the message list (the composer comes below it). */
  height?: number | string;
  /** Shown above the messages; defaults to who the conversation is with. */
  title?: string;
}

export function ChatPanel({ threadId, height = 420, title }: ChatPanelProps) {
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
  const chat = useChatThread(threadId, me.data);
  const [dialog, setDialog] = useState<MessageDialogState>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const moderator = !!me.data && hasGrant({ id: me.data.id, roles: me.data.roles }, 'chat.moderate');

  if (chat.loading) return <LoadingState label="Loading the conversation…" rows={4} />;
  if (chat.error || !chat.thread) return <ErrorState title="Could not load this conversation" error={chat.error} onRetry={chat.refetch} />;
  const thread = chat.thread;
  const heading = title ?? thread.counterpart;

  return (
    <Paper withBorder radius="md" component="section" aria-label={`Conversation: ${heading}`}>
      <Group justify="space-between" px="md" py="xs" wrap="nowrap" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600} truncate>
            {heading}
          </Text>
          {thread.kind === 'presale' && (
            <Text size="xs" c="dimmed">
              Before you buy, email addresses and phone numbers are hidden: keep the conversation here.
            </Text>
          )}
        </Stack>
        <ChatPresence chat={chat} meId={me.data?.id} />
      </Group>
      {chat.roomError && (
        <Alert color="yellow" variant="light" m="sm">
          Live updates are unavailable: {chat.roomError}
        </Alert>
      )}
      <MessageList chat={chat} height={height} threadId={threadId} editing={editing} setEditing={setEditing} openDialog={setDialog} moderator={moderator} meId={me.data?.id ?? null} />
      <TypingLine chat={chat} />
      {thread.canWrite ? (
        <Composer chat={chat} threadId={threadId} staff={thread.staff} />
      ) : (
        <Text size="sm" c="dimmed" px="md" pb="md">
          Support can read this pre-sale conversation but not write in it.
        </Text>
      )}
      <MessageDialog dialog={dialog} onClose={() => setDialog(null)} onDone={chat.replace} />
    </Paper>
  );
}
