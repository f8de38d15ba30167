// Correcting one's own message in place (within the edit window); answers with the stored message.
import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { CHAT_MESSAGE_MAX_LENGTH } from '@marketdesk/domain';
import { useState } from 'react';
import { errorMessage } from '../ErrorState/ErrorState';
import { trpc } from '../app/trpc';
import type { ChatMessage } from './chat-thread-state';

export function EditForm({ message, onDone }: { message: ChatMessage; onDone: (m: ChatMessage | null) => void }) {
  const [body, setBody] = useState(message.body);
  const edit = trpc.chat.edit.useMutation({ onSuccess: (m) => onDone(m) });
  return (
    <Stack gap={4} mt={4}>
      <Textarea aria-label="Edit message" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={1} maxRows={6} maxLength={CHAT_MESSAGE_MAX_LENGTH} autoFocus />
      {edit.error && (
        <Text size="xs" c="red">
          {errorMessage(edit.error)}
        </Text>
      )}
      <Group gap="xs" justify="flex-end">
        <Button size="xs" variant="default" onClick={() => onDone(null)}>
          Cancel
        </Button>
        <Button size="xs" loading={edit.isPending} disabled={!body.trim()} onClick={() => edit.mutate({ messageId: message.id, body })}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
