// The bell in the console header: how many notifications are unread (live: the server keeps every
// socket in its person's `user:{id}` room, where notification.created arrives), and a popover with
// the latest ones. Opening one marks it read and goes to its page; "Mark all read" clears the count.
import { ActionIcon, Badge, Box, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { ErrorState, LoadingState, formatDateTime, formatRelativeTime, useNow } from '@marketdesk/ui';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { trpc, type RouterOutputs } from '../../trpc';
import { useLiveRefetch } from '../live/use-live-refetch';
import { badgeCount, bellLabel, consolePath, isMyNotification } from './notification-links';

export type NotificationItem = RouterOutputs['notifications']['list']['items'][number];

const listInput = { limit: 20 };

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function NotificationList({ items, now, onOpen }: { items: NotificationItem[]; now: Date; onOpen: (n: NotificationItem) => void }) {
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="md" ta="center">
        You are all caught up.
      </Text>
    );
  }
  return (
    <Stack gap={0} role="list" aria-label="Latest notifications">
      {items.map((n) => {
        const unread = !n.readAt;
        return (
          <UnstyledButton
            key={n.id}
            role="listitem"
            onClick={() => onOpen(n)}
            px="sm"
            py={8}
            bg={unread ? 'var(--mantine-primary-color-light)' : undefined}
            style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            aria-label={`${unread ? 'Unread: ' : ''}${n.title}`}
          >
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Box w={8} h={8} mt={6} style={{ flexShrink: 0, borderRadius: '50%' }} bg={unread ? 'var(--mantine-primary-color-filled)' : 'transparent'} />
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>
                  {n.title}
                </Text>
                {n.body && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {n.body}
                  </Text>
                )}
                <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt)}>
                  {formatRelativeTime(n.createdAt, now)}
                </Text>
              </Stack>
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}

export function NotificationBell({ userId }: { userId: string }) {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const utils = trpc.useUtils();
  const list = trpc.notifications.list.useQuery(listInput);
  const now = useNow();
  useLiveRefetch((event) => isMyNotification(event, userId), list);

  // Reads are shown at once; the server's answer follows.
  const markLocally = (ids: string[] | 'all') =>
    utils.notifications.list.setData(listInput, (data) => {
      if (!data) return data;
      const readAt = new Date();
      let marked = 0;
      const items = data.items.map((n) => {
        if (n.readAt || (ids !== 'all' && !ids.includes(n.id))) return n;
        marked += 1;
        return { ...n, readAt };
      });
      return { items, unread: ids === 'all' ? 0 : Math.max(0, data.unread - marked) };
    });
  const markRead = trpc.notifications.markRead.useMutation({
    onMutate: ({ ids }) => markLocally(ids),
    onError: (error) => toasts.show({ color: 'red', title: 'Could not mark notifications read', message: error.message }),
    onSettled: () => void list.refetch(),
  });

  const open = (n: NotificationItem) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    const path = consolePath(n.link);
    if (path) {
      setOpened(false);
      void navigate(path);
    }
  };
  const unread = list.data?.unread ?? 0;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withArrow trapFocus={false} returnFocus>
      <Indicator label={badgeCount(unread)} size={16} offset={4} disabled={unread === 0} color="red" withBorder>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" radius="md" aria-label={bellLabel(unread)} onClick={() => setOpened((o) => !o)}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
        <Group justify="space-between" px="xs" pb="xs">
          <Group gap={6}>
            <Text fw={600} size="sm">
              Notifications
            </Text>
            {unread > 0 && (
              <Badge size="xs" variant="light" color="red">
                {unread} unread
              </Badge>
            )}
          </Group>
          <Button variant="subtle" size="compact-xs" disabled={unread === 0} loading={markRead.isPending && markRead.variables?.ids === 'all'} onClick={() => markRead.mutate({ ids: 'all' })}>
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={420} type="auto">
          {list.isPending && <LoadingState label="Loading notifications…" rows={3} />}
          {list.isError && <ErrorState title="Could not load notifications" error={list.error} onRetry={() => void list.refetch()} />}
          {list.data && <NotificationList items={list.data.items} now={now} onOpen={open} />}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
