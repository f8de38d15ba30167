// Work queues are for staff holding the queue's view permission (the same rule the API applies:
// a seller's own `submissions.view` does not open the team's queue).
import { isStaff, queuePermissions, type GrantTable, type QueueName } from '@marketdesk/domain';
import { ErrorState } from '@marketdesk/ui';
import type { ReactNode } from 'react';
import type { Me } from '../../trpc';
import { can, useMe } from './use-session';

export function canViewQueue(me: (Me & { grants?: GrantTable }) | null | undefined, queue: QueueName): boolean {
  return !!me && isStaff({ id: me.id, roles: me.roles, grants: me.grants }) && can(me, queuePermissions[queue].view);
}

export function RequireQueue({ queue, children }: { queue: QueueName; children: ReactNode }) {
  const me = useMe();
  if (!canViewQueue(me.data, queue)) return <ErrorState title="Not available to you" error={`The ${queue} queue is for the Marketdesk team.`} />;
  return <>{children}</>;
}
