// Where queue events go: the queue's room (every open console table), on the item's own stream so
// clients can spot a gap per row. Item events always carry the row as it is after the change.
import type { EventName, QueueName } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { queueItemSnapshot } from './queue-item-view.js';
import type { CheckedJob } from '../../jobs/job-types.js';

type ItemEventName = 'queue.item.added' | 'queue.item.claimed' | 'queue.item.released' | 'queue.item.reassigned' | 'queue.item.claim_expired' | 'queue.item.claim_extended' | 'queue.item.changed';

export const queueRoom = (queue: string) => `queue:${queue}`;
export const queueItemStream = (itemId: string) => `queue-item:${itemId}`;

/** Re-reads the row (inside the transaction) and announces it. */
export async function recordQueueItemEvent(
  tx: EntityManager,
  itemId: string,
  name: ItemEventName,
  extra: Record<string, unknown>,
  actorId: string | null,
  now: Date,
  jobs: CheckedJob[] = [],
): Promise<QueueItemRecord> {
  const item = (await queueItemRepository.find(tx, itemId))!;
  await recordEvent(tx, {
    stream: queueItemStream(item.id),
    name: name as EventName,
    payload: { queue: item.queue as QueueName, itemId: item.id, item: queueItemSnapshot(item, now), actorId, ...extra } as never,
    rooms: [queueRoom(item.queue)],
    jobs,
    actorId,
    now,
  });
  return item;
}
