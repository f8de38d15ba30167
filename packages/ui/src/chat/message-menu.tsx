// A message's "⋯" menu: edit or delete my own, report someone else's, hide (moderators).
import { ActionIcon, Menu } from '@mantine/core';
import type { ChatMessage } from './chat-thread-state';
import type { MessageDialogState } from './message-dialog';

export function MessageMenu({ message, mine, canEdit, moderator, setEditing, openDialog }: { message: ChatMessage; mine: boolean; canEdit: boolean; moderator: boolean; setEditing: (id: string | null) => void; openDialog: (d: MessageDialogState) => void }) {
  const items = [
    canEdit && (
      <Menu.Item key="edit" onClick={() => setEditing(message.id)}>
        Edit
      </Menu.Item>
    ),
    mine && !message.hidden && (
      <Menu.Item key="delete" color="red" onClick={() => openDialog({ kind: 'delete', message })}>
        Delete
      </Menu.Item>
    ),
    !mine && (
      <Menu.Item key="report" onClick={() => openDialog({ kind: 'report', message })}>
        Report
      </Menu.Item>
    ),
    moderator && !message.hidden && (
      <Menu.Item key="hide" color="red" onClick={() => openDialog({ kind: 'hide', message })}>
        Hide
      </Menu.Item>
    ),
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" size="xs" aria-label="Message actions">
          ⋯
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{items}</Menu.Dropdown>
    </Menu>
  );
}
