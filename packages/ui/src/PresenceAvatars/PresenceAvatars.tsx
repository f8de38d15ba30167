// Who else is on this page right now, as a compact avatar stack with names on hover.
import { Avatar, Tooltip } from '@mantine/core';

export interface PresenceUser {
  id: string;
  displayName: string;
}

export interface PresenceAvatarsProps {
  users: PresenceUser[];
  /** Show at most this many avatars, then "+N". */
  max?: number;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}

export function PresenceAvatars({ users, max = 5 }: PresenceAvatarsProps) {
  const shown = users.slice(0, max);
  const hidden = users.slice(max);
  return (
    <Tooltip.Group openDelay={150} closeDelay={100}>
      <Avatar.Group spacing="sm" role="group" aria-label="People on this page">
        {shown.map((user) => (
          <Tooltip key={user.id} label={user.displayName} withArrow>
            <Avatar
              name={user.displayName}
              color="initials"
              radius="xl"
              size="md"
              role="img"
              aria-label={user.displayName}
            >
              {initials(user.displayName)}
            </Avatar>
          </Tooltip>
        ))}
        {hidden.length > 0 && (
          <Tooltip label={hidden.map((u) => u.displayName).join(', ')} withArrow>
            <Avatar radius="xl" size="md" role="img" aria-label={`${hidden.length} more`}>
              +{hidden.length}
            </Avatar>
          </Tooltip>
        )}
      </Avatar.Group>
    </Tooltip.Group>
  );
}
