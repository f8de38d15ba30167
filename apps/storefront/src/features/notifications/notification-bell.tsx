// The header's notification bell for signed-in buyers: the unread count on a badge, and a menu with
// the latest notifications (title, when). Choosing one marks it read and opens its page when it is
// a storefront page; "Mark all read" clears the count. The count is live: NotificationsLive (mounted
// once in the layout) refetches on `notification.created` from the user's own room, which the
// server joins automatically, and after every reconnect.
import { ActionIcon, Anchor, Box, Group, Indicator, Menu, Text, VisuallyHidden } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { Timestamp } from '@marketdesk/ui';
import { useLiveEvents, useOnConnect } from '@marketdesk/ui/app';
import { useLocation, useNavigate } from 'react-router';
import type { RouterOutputs } from '../../lib/api-types';
import { trpc } from '../../trpc';
import { bellLabel, storefrontPath, unreadBadge } from './notification-kinds';

export const BELL_LIMIT = 8;
type NotificationList = RouterOutputs['notifications']['list'];
type NotificationItem = NotificationList['items'][number];

function useNotificationList() {
  return trpc.notifications.list.useQuery({ limit: BELL_LIMIT }, { staleTime: 30_000 });
}

function useMarkRead() {
  const utils = trpc.useUtils();
  return trpc.notifications.markRead.useMutation({
    // Show it read at once; the server's count replaces ours when it answers.
    onMutate: ({ ids }) => {
      const now = new Date();
      utils.notifications.list.setData({ limit: BELL_LIMIT }, (old) => {
        if (!old) return old;
        const marks = (n: NotificationItem) => !n.readAt && (ids === 'all' || ids.includes(n.id));
        const marked = old.items.filter(marks).length;
        return { items: old.items.map((n) => (marks(n) ? { ...n, readAt: now } : n)), unread: ids === 'all' ? 0 : Math.max(0, old.unread - marked) };
      });
    },
    onError: (error) => toasts.show({ color: 'red', title: 'Could not mark as read', message: error.message }),
    onSettled: () => void utils.notifications.list.invalidate(),
  });
}

/** Mounted once per page (not per bell): live count, and a toast for news that never takes focus. */
export function NotificationsLive() {
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const location = useLocation();
  useLiveEvents((event) => {
    if (event.name !== 'notification.created') return;
    void utils.notifications.list.invalidate();
    const path = storefrontPath(event.payload);
    // On the page it is about, the page itself shows the change.
    if (path && path === location.pathname) return;
    toasts.show({
      title: event.payload.title,
      message: path ? (
        // Toasts render outside the router: navigate from here instead of a <Link>.
        <Anchor component="button" type="button" size="sm" onClick={() => void navigate(path)}>
          View
        </Anchor>
      ) : (
        'See the bell at the top for details.'
      ),
      autoClose: 6000,
    });
  });
  useOnConnect(() => void utils.notifications.list.invalidate());
  return null;
}

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

function NotificationRow({ n, now }: { n: NotificationItem; now: Date }) {
  const unread = !n.readAt;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <Box w={8} h={8} mt={6} style={{ borderRadius: '50%', flexShrink: 0, background: unread ? 'var(--mantine-primary-color-filled)' : 'transparent' }} aria-hidden />
      <Box style={{ minWidth: 0 }}>
        <Text size="sm" fw={unread ? 700 : 400} lineClamp={2}>
          {n.title}
          {unread && <VisuallyHidden> (unread)</VisuallyHidden>}
        </Text>
        <Text size="xs" c="dimmed">
          <Timestamp value={n.createdAt} shape="relative" now={now} />
        </Text>
      </Box>
    </Group>
  );
}

export function NotificationBell() {
  const list = useNotificationList();
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = list.data?.unread ?? 0;
  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    const path = storefrontPath(n);
    if (path) void navigate(path);
  };
  const now = new Date();
  return (
    <Menu position="bottom-end" width={340} withinPortal shadow="md">
      <Menu.Target>
        <Indicator label={unreadBadge(unread)} size={18} disabled={unread === 0} offset={4} color="red">
          <ActionIcon variant="default" size={36} radius="md" aria-label={bellLabel(unread)}>
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{unread > 0 ? `Notifications · ${unread} unread` : 'Notifications'}</Menu.Label>
        {list.isPending && <Menu.Label>Loading…</Menu.Label>}
        {list.isError && (
          <Menu.Item onClick={() => void list.refetch()} closeMenuOnClick={false}>
            Could not load notifications. Try again
          </Menu.Item>
        )}
        {list.data && list.data.items.length === 0 && (
          <Box px="sm" py="md">
            <Text size="sm" c="dimmed">
              Nothing yet. We let you know here when an order ships or arrives.
            </Text>
          </Box>
        )}
        {list.data?.items.map((n) => (
          <Menu.Item key={n.id} onClick={() => open(n)}>
            <NotificationRow n={n} now={now} />
          </Menu.Item>
        ))}
        {unread > 0 && (
          <>
            <Menu.Divider />
            <Menu.Item onClick={() => markRead.mutate({ ids: 'all' })} fw={600} c="var(--mantine-primary-color-filled)">
              Mark all read
            </Menu.Item>
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
