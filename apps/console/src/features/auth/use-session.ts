// Who is signed in, and the sign-in / sign-out actions that keep the cache and socket in step.
import { hasGrant, isSeller, type GrantTable, type Permission } from '@marketdesk/domain';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getQueryKey } from '@trpc/react-query';
import { useNavigate } from 'react-router';
import { disconnectLive } from '@marketdesk/ui/app';
import { trpc, type Me } from '../../trpc';

const meKey = JSON.stringify(getQueryKey(trpc.auth.me)[0]);

function isMeQuery(queryKey: readonly unknown[]): boolean {
  return JSON.stringify(queryKey[0]) === meKey;
}

/**
 * The signed-in person, with what their roles grant now (roles are data that admins edit; the
 * built-in table answers until the effective one has loaded).
 */
export function useMe() {
  const me = trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
  const grants = trpc.roles.effective.useQuery(undefined, { enabled: !!me.data, staleTime: 30_000 });
  return useMemo(() => (me.data && grants.data ? { ...me, data: { ...me.data, grants: grants.data as GrantTable } } : me), [me, grants.data]);
}

/** The same permission policy the API enforces (packages/domain), so menus never drift from it. */
export function can(me: (Me & { grants?: GrantTable }) | null | undefined, permission: Permission): boolean {
  return !!me && hasGrant({ id: me.id, roles: me.roles, grants: me.grants }, permission);
}

/**
 * Whether this person sells (the domain's rule: a role of theirs manages its own listings). The
 * Selling section, the seller's banners and the seller's live room follow this, not the bare
 * permissions: staff hold the same permissions at scope `any` to work on everyone's.
 */
export function sells(me: (Me & { grants?: GrantTable }) | null | undefined): boolean {
  return !!me && isSeller({ id: me.id, roles: me.roles, grants: me.grants });
}

/** The console is for people who run the marketplace or sell on it; buyers use the storefront. */
export function hasConsoleAccess(me: Me): boolean {
  return can(me, 'console.access');
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  const afterSignOut = () => {
    disconnectLive();
    // "Nobody" first, so guards redirect instead of refetching as a signed-out user; then forget
    // everything else fetched as that person.
    utils.auth.me.setData(undefined, null);
    void navigate('/login', { replace: true });
    queryClient.removeQueries({ predicate: (query) => !isMeQuery(query.queryKey) });
  };
  const logout = trpc.auth.logout.useMutation({
    onSuccess: afterSignOut,
    onError: (error) => notifications.show({ color: 'red', title: 'Could not sign out', message: error.message }),
  });
  const logoutEverywhere = trpc.auth.logoutEverywhere.useMutation({
    onSuccess: ({ revoked }) => {
      notifications.show({
        title: 'Signed out everywhere',
        message: `${revoked} ${revoked === 1 ? 'session was' : 'sessions were'} ended.`,
      });
      afterSignOut();
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not sign out', message: error.message }),
  });
  return { logout, logoutEverywhere };
}
