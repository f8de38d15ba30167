// "Messages" in the header with the live count of unread messages across all conversations.
import { Badge, Button } from '@mantine/core';
import { useChatUnread } from '@marketdesk/ui/chat';
import { Link } from 'react-router';
import { useMe } from '../auth/use-session';

export function MessagesLink() {
  const me = useMe();
  const unread = useChatUnread(!!me.data);
  if (!me.data) return null;
  return (
    <Button
      component={Link}
      to="/messages"
      variant="subtle"
      aria-label={unread.total ? `Messages (${unread.total} unread)` : 'Messages'}
      rightSection={unread.total ? <Badge size="sm" color="red" circle={unread.total < 10}>{unread.total}</Badge> : undefined}
    >
      Messages
    </Button>
  );
}
