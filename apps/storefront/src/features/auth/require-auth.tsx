// Pages for signed-in buyers: while we ask who is signed in, a placeholder; nobody → sign in, then
// come back here (`next`).
import { ErrorState, LoadingState } from '@marketdesk/ui';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '@marketdesk/ui/app';
import { useMe } from './use-session';

export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState label="Checking your session…" rows={3} />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return children(me.data);
}

/** Only same-site paths may be a `next` target (no open redirect to another origin). */
export function safeNext(next: string | null, fallback = '/account'): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
