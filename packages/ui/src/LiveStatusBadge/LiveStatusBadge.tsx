// Shows the state of the live channel so people know whether what they see is current.
import { Badge, Tooltip } from '@mantine/core';

export type LiveStatus = 'connected' | 'reconnecting' | 'offline';

const look: Record<LiveStatus, { label: string; color: string; hint: string }> = {
  connected: { label: 'Live', color: 'green', hint: 'Updates appear as they happen' },
  reconnecting: { label: 'Reconnecting…', color: 'yellow', hint: 'Connection lost; retrying. Updates will catch up.' },
  offline: { label: 'Offline', color: 'gray', hint: 'Not receiving live updates' },
};

export interface LiveStatusBadgeProps {
  status: LiveStatus;
}

export function LiveStatusBadge({ status }: LiveStatusBadgeProps) {
  const { label, color, hint } = look[status];
  return (
    <Tooltip label={hint} withArrow>
      <Badge
        role="status"
        aria-live="polite"
        aria-label={`Live updates: ${label}`}
        color={color}
        variant="dot"
        size="lg"
        data-status={status}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}
