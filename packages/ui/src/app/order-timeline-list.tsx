// An order's timeline as the API wrote it for the reader (orderTimeline in @marketdesk/domain):
// each entry a title, what it means, the money that moved for this person, and when. Shared by the
// console's and the storefront's order pages; entries that just arrived live can be highlighted.
import { Group, Text, Timeline } from '@mantine/core';
import type { OrderTimelineEntry, TimelineMoneyMove } from '@marketdesk/domain';
import { formatMoney } from '../format/money';
import { Timestamp } from '../Timestamp/Timestamp';

const toneColors: Record<OrderTimelineEntry['tone'], string> = { good: 'green', bad: 'red', warning: 'orange', neutral: 'gray' };
const moveWords: Record<TimelineMoneyMove, string> = { paid: 'paid', refunded: 'back', held: 'held', released: 'released', taken: 'taken back' };

export interface OrderTimelineListProps {
  entries: readonly OrderTimelineEntry[];
  /** Entries that arrived while the page was open, shown highlighted for a moment. */
  freshIds?: ReadonlySet<string>;
  emptyText?: string;
}

export function OrderTimelineList({ entries, freshIds, emptyText = 'Nothing has happened on this order yet.' }: OrderTimelineListProps) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return (
    <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2} role="list" aria-label="Order timeline">
      {entries.map((entry) => {
        const fresh = freshIds?.has(entry.id) ?? false;
        return (
          <Timeline.Item
            key={entry.id}
            role="listitem"
            color={toneColors[entry.tone]}
            data-fresh={fresh || undefined}
            bg={fresh ? 'var(--mantine-primary-color-light)' : undefined}
            style={{ transition: 'background-color 1.5s ease', borderRadius: 'var(--mantine-radius-sm)' }}
            title={
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600}>
                  {entry.title}
                </Text>
                {entry.money && (
                  <Text size="sm" fw={600} c={entry.money.move === 'refunded' || entry.money.move === 'released' ? 'green' : undefined} style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney({ amountMinor: entry.money.amountMinor, currency: entry.money.currency })} {moveWords[entry.money.move]}
                  </Text>
                )}
              </Group>
            }
          >
            {entry.detail && (
              <Text size="sm" c="dimmed">
                {entry.detail}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={2}>
              <Timestamp value={entry.occurredAt} />
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
