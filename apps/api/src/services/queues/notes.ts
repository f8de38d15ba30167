// Internal notes on queue items. The markdown is stored as written (clients render it safely);
// @mentions of colleagues become in-app notifications, live on each one's `user:{id}` room.
import { claimExpiresAtMs, resolveMentions } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { notificationRepository } from '../../repositories/notification-repository.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { queueNoteRepository } from '../../repositories/queue-note-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { loadItem, type ClaimSettings } from './claims.js';
import { assertCanView, type QueueActor } from './queue-access.js';
import { queueItemStream, queueRoom } from './queue-events.js';

export async function addNote(em: EntityManager, author: QueueActor & { displayName: string }, input: { id: string; body: string }, settings: ClaimSettings, now: Date) {
  return em.transactional(async (tx) => {
    const item = await loadItem(tx, input.id);
    const queue = assertCanView(author, item.queue);
    const staff = await queueItemRepository.staff(tx);
    const mentioned = resolveMentions(input.body, staff).filter((p) => p.id !== author.id);
    const noteId = await queueNoteRepository.add(tx, { itemId: item.id, authorId: author.id, body: input.body, mentionIds: mentioned.map((m) => m.id), now });
    await recordEvent(tx, {
      stream: queueItemStream(item.id),
      name: 'queue.note.added',
      payload: { queue, itemId: item.id, noteId, authorId: author.id, authorName: author.displayName, body: input.body, mentionIds: mentioned.map((m) => m.id) },
      rooms: [queueRoom(queue)],
      actorId: author.id,
      now,
    });
    for (const person of mentioned) {
      const link = `/queues/${queue}?item=${item.id}`;
      const title = `${author.displayName} mentioned you on “${item.title}”`.slice(0, 200);
      const id = await notificationRepository.insertOnce(tx, { userId: person.id, kind: 'queue_mention', title, body: input.body.slice(0, 2000), link, dedupeKey: `note:${noteId}:${person.id}`, now });
      if (id) await recordEvent(tx, { stream: `user:${person.id}`, name: 'notification.created', payload: { notificationId: id, userId: person.id, kind: 'queue_mention', title, link }, rooms: [`user:${person.id}`], actorId: author.id, now });
    }
    // Writing a note is working on the item: the holder's lease runs from now.
    await queueItemRepository.touch(tx, { id: item.id, holderId: author.id, expiresAt: new Date(claimExpiresAtMs(now.getTime(), settings.claimIdleMs)), now });
    return { id: noteId, mentioned: mentioned.map((m) => ({ id: m.id, name: m.displayName })) };
  });
}
