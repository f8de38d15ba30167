// The live unread count beside "Messages" in the navbar.
import { Badge } from '@mantine/core';
import { useChatUnread } from '@marketdesk/ui/chat';

export function ChatUnreadBadge() {
  const unread = useChatUnread();
  if (!unread.total) return null;
  return (
    <Badge size="sm" color="red" circle={unread.total < 10} aria-label={`${unread.total} unread messages`}>
      {unread.total}
    </Badge>
  );
}
