// "Where you're signed in": every device with a session, and a way to sign one out.
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ErrorState } from '../ErrorState/ErrorState';
import { LoadingState } from '../LoadingState/LoadingState';
import { Timestamp } from '../Timestamp/Timestamp';
import { trpc } from '../app/trpc';

/** A readable device name from a user-agent string (browser on OS), without a parsing library. */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Chrome\//.test(userAgent) ? 'Chrome' : /Firefox\//.test(userAgent) ? 'Firefox' : /Safari\//.test(userAgent) ? 'Safari' : 'Browser';
  const os = /Windows/.test(userAgent) ? 'Windows' : /Mac OS X/.test(userAgent) ? 'macOS' : /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Linux/.test(userAgent) ? 'Linux' : 'unknown OS';
  return `${browser} on ${os}`;
}

export function SessionsCard() {
  const utils = trpc.useUtils();
  const sessions = trpc.auth.sessions.useQuery();
  const revoke = trpc.auth.revokeSession.useMutation({
    onSuccess: () => {
      notifications.show({ color: 'green', title: 'Device signed out', message: 'That device will need to sign in again.' });
      void utils.auth.sessions.invalidate();
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not sign that device out', message: error.message }),
  });

  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <Stack>
        <Title order={2} size="h4">
          Where you are signed in
        </Title>
        {sessions.isPending && <LoadingState label="Loading your devices…" />}
        {sessions.error && <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />}
        {sessions.data && (
          <Table verticalSpacing="sm" aria-label="Signed-in devices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Device</Table.Th>
                <Table.Th>IP address</Table.Th>
                <Table.Th>Last active</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm">{describeDevice(s.userAgent)}</Text>
                      {s.current && <Badge variant="light">This device</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {s.ip ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Timestamp value={s.lastSeenAt} shape="relative" />
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {!s.current && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={revoke.isPending && revoke.variables?.sessionId === s.id}
                        onClick={() => revoke.mutate({ sessionId: s.id })}
                      >
                        Sign out
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
