// Who is signed in, plus sign-out that also forgets every cached answer about them.
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { getQueryKey } from '@trpc/react-query';
import { useNavigate } from 'react-router';
import { trpc } from '../../trpc';

const meKey = JSON.stringify(getQueryKey(trpc.auth.me)[0]);

function isMeQuery(queryKey: readonly unknown[]): boolean {
  return JSON.stringify(queryKey[0]) === meKey;
}

export function useMe() {
  return trpc.auth.me.useQuery(undefined, { staleTime: 60_000 });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const utils = trpc.useUtils();
  const navigate = useNavigate();
  return trpc.auth.logout.useMutation({
    onSuccess: () => {
      // Set "nobody" rather than clearing: clear() would leave mounted observers showing the old user.
      utils.auth.me.setData(undefined, null);
      queryClient.removeQueries({ predicate: (query) => !isMeQuery(query.queryKey) });
      notifications.show({ title: 'Signed out', message: 'See you soon.' });
      void navigate('/', { replace: true });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not sign out', message: error.message }),
  });
}

/** First zod issue message per field, from a schema's safeParse result. */
export function issuesByField(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0] ?? '')] ??= issue.message;
  return out;
}
