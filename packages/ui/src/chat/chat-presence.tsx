// Who else is in the conversation right now (online or away), and who is typing.
import { Badge, Group, Text } from '@mantine/core';
import type { ChatThreadState } from './use-chat-thread';

export function ChatPresence({ chat, meId }: { chat: ChatThreadState; meId: string | undefined }) {
  const others = chat.presence.filter((p) => (p.id ? p.id !== meId : p.role !== chat.thread?.myRole));
  if (others.length === 0) {
    return (
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        Nobody else here
      </Text>
    );
  }
  return (
    <Group gap={6} style={{ flexShrink: 0 }} aria-label="Who is here">
      {others.map((p) => (
        <Badge key={`${p.role}-${p.id ?? 'support'}`} variant="dot" color={p.state === 'online' ? 'green' : 'gray'} size="sm">
          {p.name} · {p.state === 'online' ? 'online' : 'away'}
        </Badge>
      ))}
    </Group>
  );
}

export function TypingLine({ chat }: { chat: ChatThreadState }) {
  const names = chat.typing.map((p) => p.name);
  return (
    <Text size="xs" c="dimmed" px="md" h={20} aria-live="polite">
      {names.length === 0 ? '' : names.length === 1 ? `${names[0]} is typing…` : `${names.join(' and ')} are typing…`}
    </Text>
  );
}
