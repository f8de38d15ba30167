// One stored message: who wrote it, its text (always as text, MessageText) and files, edited /
// masked / hidden marks, "Seen" on my newest one, and its menu. System messages are one quiet line.
import { Anchor, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { CHAT_EDIT_WINDOW_MS } from '@marketdesk/domain';
import { Timestamp } from '../Timestamp/Timestamp';
import { attachmentUrl, formatBytes } from './chat-format';
import type { ChatMessage } from './chat-thread-state';
import { EditForm } from './edit-message-form';
import type { MessageDialogState } from './message-dialog';
import { MessageMenu } from './message-menu';
import { MessageText } from './message-text';

function Attachments({ message, threadId }: { message: ChatMessage; threadId: string }) {
  if (message.attachments.length === 0) return null;
  return (
    <Group gap="xs" mt={4}>
      {message.attachments.map((a) =>
        a.contentType.startsWith('image/') ? (
          <Anchor key={a.id} href={attachmentUrl(threadId, a.id)} target="_blank" rel="noopener noreferrer">
            <Image src={attachmentUrl(threadId, a.id)} alt="Attached image" w={120} h={90} fit="cover" radius="sm" />
          </Anchor>
        ) : (
          <Anchor key={a.id} href={attachmentUrl(threadId, a.id)} target="_blank" rel="noopener noreferrer" size="sm">
            PDF · {formatBytes(a.bytes)}
          </Anchor>
        ),
      )}
    </Group>
  );
}

interface BubbleProps {
  message: ChatMessage;
  threadId: string;
  mine: boolean;
  moderator: boolean;
  editing: boolean;
  setEditing: (id: string | null) => void;
  openDialog: (d: MessageDialogState) => void;
  onEdited: (m: ChatMessage) => void;
  receipt: 'Seen' | 'Sent' | null;
}

export function MessageBubble({ message: m, threadId, mine, moderator, editing, setEditing, openDialog, onEdited, receipt }: BubbleProps) {
  if (m.kind === 'system') {
    return (
      <Text size="xs" c="dimmed" ta="center" fs="italic">
        {m.body} · <Timestamp value={m.createdAtMs} shape="time" />
      </Text>
    );
  }
  const deleted = m.deletedAtMs !== null;
  const canEdit = mine && !deleted && !m.hidden && Date.now() - m.createdAtMs < CHAT_EDIT_WINDOW_MS;
  return (
    <Group justify={mine ? 'flex-end' : 'flex-start'} wrap="nowrap" align="flex-start">
      <Stack gap={2} maw="80%" align={mine ? 'flex-end' : 'flex-start'}>
        <Paper px="sm" py={6} radius="md" bg={mine ? 'var(--mantine-primary-color-light)' : 'var(--mantine-color-default-hover)'} aria-label={`Message from ${mine ? 'you' : m.author.name}`} role="article">
          <Group gap={6} justify="space-between" wrap="nowrap">
            <Text size="xs" fw={600} c={m.author.role === 'support' ? 'var(--mantine-primary-color-filled)' : undefined}>
              {mine ? 'You' : m.author.name}
            </Text>
            {!deleted && !editing && <MessageMenu message={m} mine={mine} canEdit={canEdit} moderator={moderator} setEditing={setEditing} openDialog={openDialog} />}
          </Group>
          {deleted ? (
            <Text size="sm" c="dimmed" fs="italic">
              Message deleted
            </Text>
          ) : m.hidden && !m.body ? (
            <Text size="sm" c="dimmed" fs="italic">
              Message hidden by Marketdesk
            </Text>
          ) : editing ? (
            <EditForm message={m} onDone={(updated) => {
              if (updated) onEdited(updated);
              setEditing(null);
            }} />
          ) : (
            <>
              {m.hidden && (
                <Text size="xs" c="red">
                  Hidden{m.moderation ? ` by ${m.moderation.hiddenBy ?? 'staff'}: ${m.moderation.hiddenReason ?? ''}` : ''}
                </Text>
              )}
              {m.body && <MessageText body={m.body} />}
              <Attachments message={m} threadId={threadId} />
            </>
          )}
        </Paper>
        <Text size="xs" c="dimmed">
          <Timestamp value={m.createdAtMs} shape="time" />
          {m.editedAtMs && !deleted ? ' · edited' : ''}
          {m.masked && !deleted ? ' · contact details hidden' : ''}
          {receipt && ` · ${receipt}`}
        </Text>
      </Stack>
    </Group>
  );
}
