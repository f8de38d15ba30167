// The order's own event stream as a timeline, oldest first; entries that arrive live are highlighted.
import { Anchor, Text, Timeline } from '@mantine/core';
import { formatDateTime } from '@marketdesk/ui';
import { describeOrderEvent } from './describe-order-event';

export interface TimelineEntry {
  id: string;
  seq: number;
  name: string;
  payload: Record<string, unknown>;
  occurredAt: Date | string;
}

export function OrderTimeline({ entries, buyerName, currency, freshIds }: { entries: TimelineEntry[]; buyerName: string; currency: string; freshIds?: ReadonlySet<string> }) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened on this order yet.
      </Text>
    );
  }
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  return (
    <Timeline active={sorted.length - 1} bulletSize={14} lineWidth={2} aria-label="Order timeline">
      {sorted.map((entry) => {
        const { title, detail, color, href } = describeOrderEvent(entry, { buyerName, currency });
        const fresh = freshIds?.has(entry.id) ?? false;
        return (
          <Timeline.Item
            key={entry.seq}
            title={title}
            color={color}
            data-fresh={fresh || undefined}
            bg={fresh ? 'var(--mantine-primary-color-light)' : undefined}
            style={{ transition: 'background-color 1.5s ease', borderRadius: 'var(--mantine-radius-sm)' }}
          >
            {detail && (
              <Text size="sm" c="dimmed">
                {detail}
              </Text>
            )}
            {href && (
              <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
                Track the parcel
              </Anchor>
            )}
            <Text size="xs" c="dimmed" mt={2}>
              <time dateTime={new Date(entry.occurredAt).toISOString()}>{formatDateTime(entry.occurredAt)}</time>
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
