// Staff must use two-factor sign-in (STAFF_2FA_REQUIRED): until they enrol, this is the only page
// the console shows them (the API refuses their staff procedures meanwhile).
import { Button, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { TwoFactorSetup } from '@marketdesk/ui/account';
import type { Me } from '../../trpc';
import { useSignOut } from './use-session';

export function TwoFactorRequiredPage({ me }: { me: Me }) {
  const { logout } = useSignOut();
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={560} radius="lg">
        <Stack>
          <Title order={1} size="h2">
            Set up two-factor sign-in
          </Title>
          <Text size="sm">
            {me.displayName}, staff accounts protect buyers' and sellers' data, so they sign in with a code from an authenticator app as well as the password. Set it up once to continue.
          </Text>
          <TwoFactorSetup />
          <Button variant="subtle" onClick={() => logout.mutate()} style={{ alignSelf: 'flex-start' }}>
            Sign out
          </Button>
        </Stack>
      </Paper>
    </Center>
  );
}
