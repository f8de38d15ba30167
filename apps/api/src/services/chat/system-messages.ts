// Messages from Marketdesk itself ("Support joined the conversation", "Sam took over this case"),
// shown to everyone in the thread and never counted as unread. Other modules (disputes) call
// postSystemMessage inside their own transaction, so the note commits with the change it announces.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { chatMessageRepository } from '../../repositories/chat-message-repository.js';
import { chatThreadRepository } from '../../repositories/chat-thread-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { messagePayload } from './message-view.js';
import { announceToSupportInbox } from './support-inbox-events.js';
import { threadRooms } from './thread-access.js';

export async function postSystemMessage(tx: EntityManager, threadId: string, body: string, now: Date): Promise<{ messageId: string; seq: number }> {
  const thread = await chatThreadRepository.find(tx, threadId, { forUpdate: true });
  if (!thread) throw new AppError('NOT_FOUND', 'This conversation does not exist.');
  const participants = await chatThreadRepository.participants(tx, threadId);
  const id = randomUUID();
  const record = { id, threadId, seq: 0, changedSeq: 0, kind: 'system' as const, authorId: null, authorRole: 'system' as const, authorName: null, clientId: null, body, attachments: [], masked: false, editedAt: null, deletedAt: null, hiddenAt: null, hiddenBy: null, hiddenByName: null, hiddenReason: null, createdAt: now };
  const event = await recordEvent(tx, { stream: `thread:${threadId}`, name: 'chat.message.created', payload: { threadId, message: messagePayload(record) }, rooms: threadRooms(thread, participants), actorId: null, now });
  await chatMessageRepository.insert(tx, { id, threadId, seq: event.seq, kind: 'system', authorId: null, authorRole: 'system', clientId: null, body, attachments: [], masked: false, cannedReplyId: null, now });
  await chatThreadRepository.setLastMessage(tx, threadId, event.seq, now);
  await announceToSupportInbox(tx, threadId, now);
  return { messageId: id, seq: event.seq };
}
