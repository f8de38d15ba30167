// The signed-in frame: header (presence, live status, scheme, user menu) and a navbar per role.
import { Fragment } from 'react';
import { AppShell, Box, Burger, Group, NavLink, ScrollArea, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { isStaff, type Permission } from '@marketdesk/domain';
import { ColorSchemeToggle, LiveStatusBadge, PresenceAvatars, type ToastPlacement } from '@marketdesk/ui';
import { Link, Outlet, useLocation } from 'react-router';
import {
  useGrantsChanged,
  useLiveConnection,
  useLiveStatus,
  usePresence,
  useRoom,
  useServerDisconnect,
} from '@marketdesk/ui/app';
import { trpc, type Me } from '../../trpc';
import { canViewQueue } from '../auth/require-queue';
import { queuePageOrder, queuePages } from '../queues/queue-pages';
import { can, sells, useMe } from '../auth/use-session';
import { EmailVerificationBanner } from '@marketdesk/ui/account';
import { NotificationBell } from '../notifications/notification-bell';
import { useNewOrderNotifications } from '../orders/use-new-order-notifications';
import { UserMenu } from './user-menu';
import { ChatUnreadBadge } from '../chat/unread-badge';

type NavGroup = 'Selling' | 'Work queues' | 'Money' | 'Team';

const navbarWidthPx = 240;
const toastMarginPx = 16; // Mantine's md spacing, the container's offset from the window's edge
const toastGapPx = 8; // kept clear between a toast and the page

/**
 * Toasts sit over the lower part of the navigation column, never over the page: the order a
 * "New order" toast announces, the fee and net on it, a form's buttons all stay readable. Phones
 * (navigation folded away) get them at the bottom, where the page scrolls out from under them.
 */
export const consoleToasts: ToastPlacement = { position: 'bottom-left', containerWidth: navbarWidthPx - toastMarginPx - toastGapPx, limit: 3 };

/**
 * Sections shown only to people who do that work, whatever they may technically open: staff hold the
 * selling permissions at scope `any` (to help any seller), which does not make them sellers.
 */
const groupFor: Partial<Record<NavGroup, (me: Me) => boolean>> = {
  Selling: sells,
};

const navItems: {
  to: string;
  label: string;
  group?: NavGroup;
  permission?: Permission;
  show?: (me: Me) => boolean;
}[] = [
  { to: '/', label: 'Dashboard' },
  { to: '/listings', group: 'Selling', label: 'My listings', permission: 'listings.manage' },
  { to: '/orders', group: 'Selling', label: 'Orders', permission: 'orders.ship' },
  { to: '/payouts', group: 'Selling', label: 'Payouts', permission: 'payouts.request' },
  {
    to: '/submissions',
    group: 'Selling',
    label: 'My submissions',
    permission: 'submissions.create',
  },
  { to: '/verification', group: 'Selling', label: 'Verification', permission: 'kyc.submit' },
  { to: '/messages', group: 'Selling', label: 'Messages', permission: 'chat.send' },
  {
    to: '/support/inbox',
    group: 'Work queues',
    label: 'Support inbox',
    permission: 'chat.support',
  },
  ...queuePageOrder.map((queue) => ({
    to: queuePages[queue].path,
    group: 'Work queues' as const,
    label: queuePages[queue].label,
    show: (me: Me) => canViewQueue(me, queue),
  })),
  { to: '/ledger', group: 'Money', label: 'Ledger', permission: 'ledger.reconcile' },
  // Admins only (users.manage_roles is an admin grant): bulk pricing and markdowns.
  { to: '/pricing', group: 'Money', label: 'Pricing', permission: 'users.manage_roles' },
  { to: '/activity', group: 'Team', label: 'Team activity', permission: 'activity.view' },
  { to: '/mail', group: 'Team', label: 'Sent mail', permission: 'mail.view' },
  { to: '/audit', group: 'Team', label: 'Audit log', permission: 'audit.view' },
  { to: '/roles', group: 'Team', label: 'Roles', permission: 'roles.manage' },
  { to: '/profile', label: 'Profile' },
];

function PresenceHere() {
  const { pathname } = useLocation();
  const me = useMe();
  const everyone = usePresence(pathname);
  const others = everyone.filter((u) => u.id !== me.data?.id);
  if (others.length === 0) {
    return (
      <Text size="sm" c="dimmed" visibleFrom="sm">
        Only you here
      </Text>
    );
  }
  // Phones are short of header room; the live badge and the menu come first.
  return (
    <Box visibleFrom="xs">
      <PresenceAvatars users={others} />
    </Box>
  );
}

export function ConsoleShell() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const utils = trpc.useUtils();
  useLiveConnection(!!me.data);
  // The server drops the socket when this session ends (e.g. "Sign out everywhere" in another
  // browser); re-checking `me` then takes this tab to sign-in instead of leaving it stale.
  useServerDisconnect(() => void utils.auth.me.invalidate());
  // An admin changed this person's roles or grants: menus, pages and banners follow at once.
  useGrantsChanged(() => {
    void utils.auth.me.invalidate();
    void utils.roles.effective.invalidate();
  });
  // Sellers stay in their own room for the whole session (one subscriber, so pages never
  // unsubscribe it from under each other); pages filter its listing.* and order.* events.
  const sellerId = me.data && sells(me.data) ? me.data.id : null;
  useRoom(sellerId ? `seller:${sellerId}` : null);
  useNewOrderNotifications(sellerId);
  const liveStatus = useLiveStatus();
  const items = navItems.filter(
    (item) =>
      (!item.permission || can(me.data, item.permission)) &&
      (!item.show || (!!me.data && item.show(me.data))) &&
      (!item.group || !groupFor[item.group] || (!!me.data && groupFor[item.group]!(me.data))),
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: navbarWidthPx, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={2} size="h4">
              Marketdesk{' '}
              <Text span c="dimmed" fw={400} inherit visibleFrom="xs">
                Console
              </Text>
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {/* Who is working where is the team's (the room policy admits staff only). */}
            {me.data && isStaff(me.data) && <PresenceHere />}
            {/* Never squeezed to "L…" on phones: the status is the point of the badge. */}
            <Box style={{ flexShrink: 0 }}>
              <LiveStatusBadge status={liveStatus} />
            </Box>
            {me.data && <NotificationBell userId={me.data.id} />}
            {/* Phones are short of header room; the scheme follows the system there. */}
            <Box visibleFrom="xs">
              <ColorSchemeToggle />
            </Box>
            {me.data && <UserMenu me={me.data} />}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main">
        {/* Long menus (an admin sees every section) scroll inside the bar instead of falling off the screen. */}
        <AppShell.Section grow component={ScrollArea} type="auto">
          {items.map((item, i) => (
            <Fragment key={item.to}>
              {item.group && item.group !== items[i - 1]?.group && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                  {item.group}
                </Text>
              )}
              <NavLink
                component={Link}
                to={item.to}
                label={item.label}
                active={item.to === '/' ? pathname === '/' : pathname.startsWith(item.to)}
                aria-current={
                  (item.to === '/' ? pathname === '/' : pathname.startsWith(item.to))
                    ? 'page'
                    : undefined
                }
                onClick={close}
                rightSection={
                  item.to === '/messages' || item.to === '/support/inbox' ? (
                    <ChatUnreadBadge />
                  ) : undefined
                }
              />
            </Fragment>
          ))}
          {me.data?.roles.includes('admin') && (
            // The BullMQ dashboard is served by the API (admin session checked there), so a full page load.
            <NavLink component="a" href="/admin/queues" label="Job queues (BullMQ)" />
          )}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        {me.data && <EmailVerificationBanner me={me.data} />}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
