// Who holds an item: initials avatar and "<name> has it" (or "You have it"), read as one phrase; a
// decided item is held by nobody and reads "Decided", not "Unclaimed".
import { Avatar, Group, Text } from '@mantine/core';
import { initials } from '@marketdesk/ui';

export function HolderLabel({ holder, meId, size = 'sm', decided = false }: { holder: { id: string; name: string } | null; meId: string | undefined; size?: 'xs' | 'sm'; decided?: boolean }) {
  if (!holder) {
    return (
      <Text size={size} c="dimmed">
        {decided ? 'Decided' : 'Unclaimed'}
      </Text>
    );
  }
  const mine = holder.id === meId;
  return (
    <Group gap={6} wrap="nowrap">
      <Avatar name={holder.name} color="initials" radius="xl" size={size === 'xs' ? 20 : 24} aria-hidden>
        {initials(holder.name)}
      </Avatar>
      <Text size={size} fw={mine ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
        {mine ? 'You have it' : `${holder.name} has it`}
      </Text>
    </Group>
  );
}
