// The thread's messages with day separators, "Load earlier messages", and my messages still
// sending. It follows new messages only while already at the bottom, so reading older ones is not disturbed.
import { Button, ScrollArea, Stack, Text } from '@mantine/core';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { receiptFor, withDaySeparators } from './chat-format';
import { MessageBubble } from './message-bubble';
import type { MessageDialogState } from './message-dialog';
import { PendingBubble } from './pending-bubble';
import type { ChatThreadState } from './use-chat-thread';

interface ListProps {
  chat: ChatThreadState;
  threadId: string;
  height: number | string;
  editing: string | null;
  setEditing: (id: string | null) => void;
  openDialog: (d: MessageDialogState) => void;
  moderator: boolean;
  meId: string | null;
}

export function MessageList({ chat, threadId, height, editing, setEditing, openDialog, moderator, meId }: ListProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const rows = useMemo(() => withDaySeparators(chat.messages, Date.now()), [chat.messages]);
  const receipt = useMemo(
    () => receiptFor(chat.messages.map((m) => ({ id: m.id, seq: m.seq, kind: m.kind, mine: chat.isMine(m) })), chat.reads, { id: meId ?? '', role: chat.thread?.myRole ?? null }),
    [chat, meId],
  );
  const count = chat.messages.length + chat.pending.length;
  useLayoutEffect(() => {
    const el = viewport.current;
    if (el && nearBottom.current) el.scrollTop = el.scrollHeight;
  }, [count, chat.typing.length]);

  return (
    <ScrollArea h={height} viewportRef={viewport} onScrollPositionChange={({ y }) => (nearBottom.current = !!viewport.current && viewport.current.scrollHeight - viewport.current.clientHeight - y < 80)} px="md" type="auto">
      <Stack gap="xs" py="sm" role="log" aria-label="Messages" aria-live="polite">
        {chat.hasOlder && (
          <Button
            variant="subtle"
            size="xs"
            loading={loadingOlder}
            onClick={() => {
              setLoadingOlder(true);
              void chat.loadOlder().finally(() => setLoadingOlder(false));
            }}
          >
            Load earlier messages
          </Button>
        )}
        {rows.length === 0 && chat.pending.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="lg">
            No messages yet. Say hello.
          </Text>
        )}
        {rows.map((row) =>
          row.kind === 'day' ? (
            <Text key={row.key} size="xs" c="dimmed" ta="center" fw={600} role="separator" aria-label={row.label}>
              {row.label}
            </Text>
          ) : (
            <MessageBubble
              key={row.key}
              message={row.message}
              threadId={threadId}
              mine={chat.isMine(row.message)}
              moderator={moderator}
              editing={editing === row.message.id}
              setEditing={setEditing}
              openDialog={openDialog}
              onEdited={chat.replace}
              receipt={receipt?.messageId === row.message.id ? (receipt.seen ? 'Seen' : 'Sent') : null}
            />
          ),
        )}
        {chat.pending.map((p) => (
          <PendingBubble key={p.clientId} pending={p} onRetry={() => chat.retry(p.clientId)} onDiscard={() => chat.discard(p.clientId)} />
        ))}
      </Stack>
    </ScrollArea>
  );
}
