// Route guard: signed-out people go to /login (and come back after), buyers see a friendly refusal,
// staff who must use two-factor sign-in enrol first.
import { Center } from '@mantine/core';
import { ErrorState, LoadingState } from '@marketdesk/ui';
import { Navigate, Outlet, useLocation } from 'react-router';
import { NoAccessPage } from '../../pages/no-access-page';
import { hasConsoleAccess, useMe } from './use-session';
import { TwoFactorRequiredPage } from './two-factor-required-page';

export function RequireConsoleAccess() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center h="100vh" p="xl">
        <LoadingState label="Checking your session…" rows={2} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh" p="xl">
        <ErrorState title="Could not reach Marketdesk" error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (!hasConsoleAccess(me.data)) return <NoAccessPage me={me.data} />;
  if (me.data.twoFactorSetupRequired) return <TwoFactorRequiredPage me={me.data} />;
  return <Outlet />;
}
