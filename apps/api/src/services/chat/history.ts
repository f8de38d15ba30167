// Reading a thread: the newest page (or older pages), and the catch-up a reconnecting client asks
// for — every message created or changed after the last stream seq it applied, with everyone's
// read position and the stream's head, so the client knows it is complete up to there.
import type { EntityManager } from '@marketdesk/db';
import { chatMessageRepository } from '../../repositories/chat-message-repository.js';
import { chatThreadRepository } from '../../repositories/chat-thread-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { messageView } from './message-view.js';
import { accessThread, canWrite, threadRooms, type ChatActor } from './thread-access.js';
import { threadSummary } from './threads.js';

export interface HistoryInput {
  threadId: string;
  afterSeq?: number | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export async function history(em: EntityManager, actor: ChatActor, input: HistoryInput) {
  const access = await accessThread(em, input.threadId, actor);
  // The head first: anything committed after it arrives live (or in the next catch-up), never lost.
  const headSeq = await chatThreadRepository.streamHead(em, input.threadId);
  const rows =
    input.afterSeq !== undefined
      ? await chatMessageRepository.changedAfter(em, input.threadId, input.afterSeq, input.limit + 1)
      : await chatMessageRepository.page(em, input.threadId, { beforeSeq: input.beforeSeq, limit: input.limit + 1 });
  const more = rows.length > input.limit;
  const page = input.afterSeq !== undefined ? rows.slice(0, input.limit) : rows.slice(more ? 1 : 0);
  return {
    thread: { ...threadSummary(access.thread, access.role), joined: access.joined, canWrite: canWrite(access), staff: access.staff },
    messages: page.map((m) => messageView(m, { staff: access.staff })),
    /** Older messages exist (paging back), or the catch-up was cut at `limit` (ask again after the last seq). */
    hasMore: more,
    headSeq,
    reads: access.participants.map((p) => ({
      id: p.role === 'support' && !access.staff ? null : p.userId,
      role: p.role,
      name: p.role === 'support' && !access.staff ? 'Support' : p.displayName,
      lastReadSeq: p.lastReadSeq,
    })),
    myLastReadSeq: access.participants.find((p) => p.userId === actor.id)?.lastReadSeq ?? 0,
  };
}

/**
 * Moves the reader's position forward (never back) to `seq`, capped at the newest message, and
 * tells the room ("Seen") and the reader's other tabs (badges). Staff who have not joined read
 * without leaving receipts.
 */
export async function markRead(em: EntityManager, actor: ChatActor, input: { threadId: string; seq: number }, now: Date): Promise<{ lastReadSeq: number }> {
  return em.transactional(async (tx) => {
    const access = await accessThread(tx, input.threadId, actor);
    const me = access.participants.find((p) => p.userId === actor.id);
    if (!me) return { lastReadSeq: 0 };
    const target = Math.min(input.seq, access.thread.lastMessageSeq);
    const moved = target > me.lastReadSeq ? await chatThreadRepository.advanceRead(tx, access.thread.id, actor.id, target) : null;
    if (moved === null) return { lastReadSeq: me.lastReadSeq };
    await recordEvent(tx, {
      stream: `thread:${access.thread.id}`,
      name: 'chat.thread.read',
      payload: { threadId: access.thread.id, reader: { id: me.role === 'support' ? null : actor.id, role: me.role }, lastReadSeq: moved },
      rooms: [...threadRooms(access.thread, []), `user:${actor.id}`],
      actorId: me.role === 'support' ? null : actor.id,
      now,
    });
    return { lastReadSeq: moved };
  });
}
