// Hides a page from roles that cannot use it (the API refuses anyway; this keeps the UI honest).
import type { Role } from '@marketdesk/domain';
import { ErrorState } from '@marketdesk/ui';
import type { ReactNode } from 'react';
import { can, useMe } from './use-session';

export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const me = useMe();
  if (!can(me.data, ...roles)) {
    return <ErrorState title="Not available to you" error={`This page needs one of these roles: ${roles.join(', ')}.`} />;
  }
  return <>{children}</>;
}
