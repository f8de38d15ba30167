// Reading a queue: a filtered, sorted page of rows (keyset cursor), live counts per state, and one
// item with its notes and its audit trail (every event of the item and of its subject).
import { decodeQueueCursor, encodeQueueCursor, queueOpenStates, queueWaitingStates, type QueueListInput } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { queueListRepository } from '../../repositories/queue-list-repository.js';
import { queueNoteRepository } from '../../repositories/queue-note-repository.js';
import { loadItem } from './claims.js';
import { assertCanView, type QueueActor } from './queue-access.js';
import { queueItemStream } from './queue-events.js';
import { queueItemSnapshot } from './queue-item-view.js';

export async function listQueue(em: EntityManager, actor: QueueActor, input: QueueListInput, now: Date) {
  const queue = assertCanView(actor, input.queue);
  const after = input.cursor ? decodeQueueCursor(input.cursor) : null;
  if (input.cursor && !after) throw new AppError('BAD_REQUEST', 'That page cursor is not valid; start from the first page.', { field: 'cursor' });
  // Without named states: the open ones, plus those waiting on the seller when that is what is asked.
  const defaultStates = input.filter.waitingOn === 'seller' ? [...queueOpenStates[queue], ...queueWaitingStates[queue]] : queueOpenStates[queue];
  const query = { queue, filter: input.filter, defaultStates, sort: input.sort, after, limit: input.limit + 1, actorId: actor.id, now };
  const [page, total, counts] = await Promise.all([queueListRepository.page(em, query), queueListRepository.count(em, { ...query, after: null }), queueListRepository.countsByState(em, queue)]);
  const more = page.items.length > input.limit;
  const items = page.items.slice(0, input.limit);
  const last = items.at(-1);
  const lastKey = page.sortKeys[items.length - 1];
  return {
    items: items.map((i) => queueItemSnapshot(i, now)),
    nextCursor: more && last && lastKey !== undefined ? encodeQueueCursor({ value: lastKey, id: last.id }) : null,
    total,
    countsByState: counts,
  };
}

const subjectStream: Record<string, (id: string) => string> = {
  submissions: (id) => `submission:${id}`,
  listings: (id) => `listing:${id}`,
  payouts: (id) => `payout:${id}`,
  kyc: (id) => `kyc:${id}`,
  disputes: (id) => `dispute:${id}`,
  fraud: (id) => `fraud:${id}`,
};

export async function getQueueItem(em: EntityManager, actor: QueueActor, input: { id: string }, now: Date) {
  const item = await loadItem(em, input.id);
  assertCanView(actor, item.queue);
  const [notes, history] = await Promise.all([
    queueNoteRepository.list(em, item.id, 200),
    queueItemRepository.history(em, [queueItemStream(item.id), subjectStream[item.queue]!(item.subjectId)], 200),
  ]);
  return {
    item: queueItemSnapshot(item, now),
    notes: notes.map((n) => ({ id: n.id, author: { id: n.authorId, name: n.authorName }, body: n.body, mentionIds: n.mentionIds, createdAt: n.createdAt })),
    history: history.reverse().map((r) => ({
      id: String(r.id),
      stream: r.stream as string,
      seq: Number(r.seq),
      name: r.name as string,
      actorId: (r.actor_id as string | null) ?? null,
      occurredAt: new Date(r.occurred_at as string),
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
    })),
  };
}
