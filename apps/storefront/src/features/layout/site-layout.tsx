// The storefront frame: header with the brand and sign in / account links, then the page.
import { Anchor, AppShell, Button, Container, Group, Skeleton, Text } from '@mantine/core';
import { ColorSchemeToggle } from '@marketdesk/ui';
import { Link, Outlet } from 'react-router';
import { useMe } from '../auth/use-session';

function AccountLinks() {
  const me = useMe();
  if (me.isPending) return <Skeleton width={160} height={32} />;
  if (me.data) {
    return (
      <Button component={Link} to="/account" variant="light">
        Account
      </Button>
    );
  }
  return (
    <Group gap="xs">
      <Button component={Link} to="/login" variant="subtle">
        Sign in
      </Button>
      <Button component={Link} to="/register">
        Create account
      </Button>
    </Group>
  );
}

export function SiteLayout() {
  return (
    <AppShell header={{ height: 64 }} padding="lg">
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Anchor component={Link} to="/" underline="never" c="var(--mantine-color-text)">
              <Text fw={800} size="xl">
                Marketdesk
              </Text>
            </Anchor>
            <Group gap="sm" wrap="nowrap">
              <ColorSchemeToggle />
              <AccountLinks />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
