// Hides a page from people who cannot use it (the API refuses anyway; this keeps the UI honest).
import type { Permission } from '@marketdesk/domain';
import { ErrorState } from '@marketdesk/ui';
import type { ReactNode } from 'react';
import { can, useMe } from './use-session';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  if (!can(me.data, permission)) {
    return <ErrorState title="Not available to you" error={`This page needs the ${permission} permission.`} />;
  }
  return <>{children}</>;
}
