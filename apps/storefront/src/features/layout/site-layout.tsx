// The storefront frame: brand, record search, cart (live count) and account links; on phones the
// search takes its own row and the account links move into a drawer. Opens the live socket for
// every visitor (anonymous ones may follow public listing rooms) and merges a guest cart on sign-in.
import { Anchor, AppShell, Badge, Burger, Button, Container, Divider, Drawer, Flex, Group, Menu, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ColorSchemeToggle } from '@marketdesk/ui';
import { useLiveConnection } from '@marketdesk/ui/app';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe, useSignOut } from '../auth/use-session';
import { useCart, useGuestCartMerge } from '../cart/use-cart';
import { plural } from '../../lib/format';
import { NotificationBell, NotificationsLive } from '../notifications/notification-bell';
import { MessagesLink } from '../chat/messages-link';

function SearchBox() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const urlQ = location.pathname === '/search' ? (params.get('q') ?? '') : '';
  const [q, setQ] = useState(urlQ);
  useEffect(() => setQ(urlQ), [urlQ]);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (q.trim()) next.set('q', q.trim());
    void navigate(`/search${next.size ? `?${next}` : ''}`);
  };
  return (
    <form role="search" action="/search" method="get" onSubmit={onSubmit} style={{ flex: 1, maxWidth: 520, width: '100%' }}>
      <Group gap={6} wrap="nowrap">
        <TextInput
          type="search"
          name="q"
          aria-label="Search records"
          placeholder="Search artists, titles, formats…"
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: 1 }}
          radius="xl"
          leftSection={<span aria-hidden>⌕</span>}
        />
        <Button type="submit" radius="xl" variant="light">
          Search
        </Button>
      </Group>
    </form>
  );
}

function CartButton() {
  const cart = useCart({ priced: false });
  const label = `Cart (${plural(cart.count, 'item')})`;
  return (
    <Button component={Link} to="/cart" variant="default" aria-label={label} rightSection={<Badge size="sm" circle={cart.count < 10} variant={cart.count ? 'filled' : 'light'}>{cart.count}</Badge>}>
      Cart
    </Button>
  );
}

function AccountMenu() {
  const me = useMe();
  const signOut = useSignOut();
  if (me.isPending) return <Skeleton width={150} height={36} />;
  if (!me.data) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Button component={Link} to="/login" variant="subtle">
          Sign in
        </Button>
        <Button component={Link} to="/register">
          Create account
        </Button>
      </Group>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="light" rightSection={<span aria-hidden>▾</span>}>
          {me.data.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/account">
          Account
        </Menu.Item>
        <Menu.Item component={Link} to="/orders">
          Your orders
        </Menu.Item>
        <Menu.Item component={Link} to="/wishlist">
          Wishlist
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => signOut.mutate()}>Sign out</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The bell, for signed-in people only (nothing while we ask, so the header does not jump). */
function SignedInBell() {
  const me = useMe();
  return me.data ? <NotificationBell /> : null;
}

/** Live notifications, once per page however many bells the header shows. */
function SignedInLive() {
  const me = useMe();
  return me.data ? <NotificationsLive key={me.data.id} /> : null;
}

function MobileMenu() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useMe();
  const signOut = useSignOut();
  const location = useLocation();
  useEffect(close, [location.pathname, close]);
  return (
    <>
      <Burger opened={opened} onClick={toggle} aria-label={opened ? 'Close menu' : 'Open menu'} size="sm" />
      <Drawer opened={opened} onClose={close} title="Menu" position="right" size="xs">
        <Stack gap="xs">
          {me.data ? (
            <>
              <Text size="sm" c="dimmed">
                Signed in as {me.data.displayName}
              </Text>
              <Button component={Link} to="/account" variant="light" justify="flex-start">
                Account
              </Button>
              <Button component={Link} to="/orders" variant="light" justify="flex-start">
                Your orders
              </Button>
              <Button component={Link} to="/messages" variant="light" justify="flex-start">
                Messages
              </Button>
              <Button component={Link} to="/wishlist" variant="light" justify="flex-start">
                Wishlist
              </Button>
              <Button variant="subtle" justify="flex-start" onClick={() => signOut.mutate()}>
                Sign out
              </Button>
            </>
          ) : (
            <>
              <Button component={Link} to="/login" variant="light">
                Sign in
              </Button>
              <Button component={Link} to="/register">
                Create account
              </Button>
            </>
          )}
          <Divider my="sm" />
          <Group justify="space-between">
            <Text size="sm">Colour scheme</Text>
            <ColorSchemeToggle />
          </Group>
        </Stack>
      </Drawer>
    </>
  );
}

const footerLinks = [
  ['/help#buying', 'How buying works'],
  ['/help#escrow', 'Escrow'],
  ['/help#disputes', 'Disputes and returns'],
  ['/terms', 'Terms'],
  ['/privacy', 'Privacy'],
  ['/contact', 'Contact'],
] as const;

function Brand() {
  return (
    <Anchor component={Link} to="/" underline="never" c="var(--mantine-color-text)" aria-label="Marketdesk home">
      <Text fw={800} size="xl" lh={1}>
        Market<Text span c="var(--mantine-primary-color-filled)" inherit>desk</Text>
      </Text>
    </Anchor>
  );
}

export function SiteLayout() {
  useLiveConnection(true);
  useGuestCartMerge();
  return (
    <AppShell header={{ height: { base: 112, sm: 64 } }} padding={0}>
      <SignedInLive />
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Flex h="100%" direction={{ base: 'column', sm: 'row' }} justify="center" align={{ base: 'stretch', sm: 'center' }} gap={{ base: 8, sm: 'lg' }} py={{ base: 8, sm: 0 }}>
            <Group justify="space-between" wrap="nowrap">
              <Brand />
              <Group gap="xs" hiddenFrom="sm" wrap="nowrap">
                <SignedInBell />
                <CartButton />
                <MobileMenu />
              </Group>
            </Group>
            <SearchBox />
            <Group gap="sm" wrap="nowrap" visibleFrom="sm" ml="auto">
              <SignedInBell />
              <MessagesLink />
              <CartButton />
              <AccountMenu />
              <ColorSchemeToggle />
            </Group>
          </Flex>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="xl" px={{ base: 'md', sm: 'lg' }} pb="xl" id="main">
          <Outlet />
        </Container>
        <Container size="xl" component="footer" py="lg">
          <Divider mb="md" />
          <Group justify="space-between" align="flex-start" gap="md">
            <Text size="xs" c="dimmed">
              Marketdesk · payments are held in escrow until your order arrives.
            </Text>
            <Group component="nav" aria-label="Help and policies" gap="md">
              {footerLinks.map(([to, label]) => (
                <Anchor key={to} component={Link} to={to} size="xs" c="dimmed">
                  {label}
                </Anchor>
              ))}
            </Group>
          </Group>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
