// What a signed-in buyer sees: the console is not for them, and here is how to leave.
import { Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useSignOut } from '../features/auth/use-session';
import type { Me } from '../trpc';

export function NoAccessPage({ me }: { me: Me }) {
  const { logout } = useSignOut();
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" radius="lg" maw={480}>
        <Stack>
          <Title order={1} size="h2">
            No console access
          </Title>
          <Text>
            Hi {me.displayName}, you are signed in as {me.email}. The console is for Marketdesk staff and
            sellers, and your account does not have either role.
          </Text>
          <Text c="dimmed" size="sm">
            Your orders and account live in the storefront. If you think you should have access, ask an
            administrator.
          </Text>
          <Group>
            <Button onClick={() => logout.mutate()} loading={logout.isPending}>
              Sign out
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
