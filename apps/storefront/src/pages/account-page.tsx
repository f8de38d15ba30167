// Your account: who you are, what you can do, the way to your orders, how we notify you, and how
// you sign in (password, two-factor, signed-in devices).
import { Badge, Button, Group, Paper, Stack, Table, Title } from '@mantine/core';
import { ErrorState, LoadingState, PageHeader } from '@marketdesk/ui';
import { AvatarCard, ChangePasswordCard, EmailVerificationBanner, SessionsCard, TwoFactorCard } from '@marketdesk/ui/account';
import { Link, Navigate } from 'react-router';
import { useMe, useSignOut } from '../features/auth/use-session';
import { NotificationPreferences } from '../features/notifications/notification-preferences';

export function AccountPage() {
  const me = useMe();
  const signOut = useSignOut();
  if (me.isPending) return <LoadingState label="Loading your account…" rows={2} />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login?next=%2Faccount" replace />;
  const { displayName, email, roles } = me.data;
  return (
    <Stack maw={720} py="lg">
      <PageHeader
        title="Your account"
        actions={
          <>
            <Button component={Link} to="/orders" variant="light">
              Your orders
            </Button>
            <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
              Sign out
            </Button>
          </>
        }
      />
      <EmailVerificationBanner me={me.data} />
      <Paper withBorder radius="md" p="lg">
        <Title order={2} size="h4" mb="sm">
          Details
        </Title>
        <Table variant="vertical" layout="fixed" withTableBorder={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={140}>Name</Table.Th>
              <Table.Td>{displayName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Td>{email}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Roles</Table.Th>
              <Table.Td>
                <Group gap="xs" role="group" aria-label="Roles">
                  {roles.map((role) => (
                    <Badge key={role} variant="light">
                      {role}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <AvatarCard me={me.data} />
      <NotificationPreferences sells={roles.some((r) => r !== 'buyer')} />
      <ChangePasswordCard me={me.data} />
      <TwoFactorCard />
      <SessionsCard />
    </Stack>
  );
}
