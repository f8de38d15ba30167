// Sending a message: stored first, then delivered. The message row and its chat.message.created
// event commit in one transaction, and only the outbox relay (after commit) tells the room, so a
// message never shows as sent unless it is saved. The client's id makes retries idempotent: the
// same (thread, author, clientId) answers with the stored message instead of a second copy.
import { randomUUID } from 'node:crypto';
import { applyContactPolicy, renderCannedReply, hasGrant, type ChatSendInput } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { phoneNumberFinder } from '../../integrations/phone-numbers/phone-number-finder.js';
import { chatCannedReplyRepository } from '../../repositories/chat-canned-reply-repository.js';
import { chatMessageRepository, type MessageRecord } from '../../repositories/chat-message-repository.js';
import { chatThreadRepository, type ThreadRecord } from '../../repositories/chat-thread-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { messagePayload, messageView, type ChatMessageView } from './message-view.js';
import type { ChatSendLimit } from './send-rate-limit.js';
import { assertMayReplyAsStaff } from './staff-reply-guard.js';
import { announceToSupportInbox } from './support-inbox-events.js';
import { accessThread, canWrite, threadRooms, type ChatActor, type ThreadAccess } from './thread-access.js';
import { joinWithin } from './threads.js';

export interface SendResult {
  message: ChatMessageView;
  /** False when this was a retry of a message already stored. */
  created: boolean;
}

export async function sendMessage(em: EntityManager, deps: { limit: ChatSendLimit }, actor: ChatActor, input: ChatSendInput, now: Date): Promise<SendResult> {
  const staff = hasGrant(actor, 'chat.support');
  // A retry of a stored message answers with it before anything else (it is not a new send).
  const before = await chatMessageRepository.findByClientId(em, input.threadId, actor.id, input.clientId);
  if (before) {
    await accessThread(em, input.threadId, actor);
    return { message: messageView(before, { staff }), created: false };
  }
  await deps.limit.hit(actor.id);
  return em.transactional(async (tx) => {
    // The thread lock orders concurrent senders, so seqs and lastMessageSeq move together.
    const access = await accessThread(tx, input.threadId, actor, { forUpdate: true });
    const again = await chatMessageRepository.findByClientId(tx, input.threadId, actor.id, input.clientId);
    if (again) return { message: messageView(again, { staff }), created: false };
    await assertMayWrite(tx, access, actor, now);
    const body = await composeBody(tx, access.thread, input);
    const id = randomUUID();
    const attachments = await chatMessageRepository.attachUploads(tx, input.attachmentIds, actor.id, id);
    if (attachments.length !== input.attachmentIds.length) throw new AppError('BAD_REQUEST', 'An attachment could not be found: upload it again.', { reason: 'ATTACHMENT_NOT_FOUND' });
    const masked = applyContactPolicy(access.thread.kind, body, await phoneNumberFinder());
    const participants = await chatThreadRepository.participants(tx, access.thread.id);
    const record: MessageRecord = {
      id, threadId: access.thread.id, seq: 0, changedSeq: 0, kind: 'text', authorId: actor.id, authorRole: access.role, authorName: participants.find((p) => p.userId === actor.id)?.displayName ?? null, clientId: input.clientId,
      body: masked.text, attachments, masked: masked.emails + masked.phones > 0, editedAt: null, deletedAt: null, hiddenAt: null, hiddenBy: null, hiddenByName: null, hiddenReason: null, createdAt: now,
    };
    // Staff are shown as Support: the envelope's actorId stays empty so no agent id reaches customers.
    const event = await recordEvent(tx, {
      stream: `thread:${access.thread.id}`,
      name: 'chat.message.created',
      payload: { threadId: access.thread.id, message: messagePayload(record) },
      rooms: threadRooms(access.thread, participants),
      actorId: access.role === 'support' ? null : actor.id,
      now,
    });
    await chatMessageRepository.insert(tx, { ...record, seq: event.seq, cannedReplyId: input.cannedReplyId ?? null, now });
    await chatThreadRepository.setLastMessage(tx, access.thread.id, event.seq, now);
    await announceToSupportInbox(tx, access.thread.id, now);
    // Writing means having read everything up to one's own message.
    await chatThreadRepository.advanceRead(tx, access.thread.id, actor.id, event.seq);
    const stored = (await chatMessageRepository.find(tx, id))!;
    return { message: messageView(stored, { staff }), created: true };
  });
}

/** Support writes only in order threads, only when the dispute rule allows, and joins by writing. */
async function assertMayWrite(tx: EntityManager, access: ThreadAccess, actor: ChatActor, now: Date): Promise<void> {
  if (!canWrite(access)) throw new AppError('FORBIDDEN', 'Support cannot write in pre-sale conversations; they stay between buyer and seller.', { reason: 'PRESALE' });
  if (access.role !== 'support') return;
  await assertMayReplyAsStaff(tx, access.thread.id, actor);
  if (!access.joined) await joinWithin(tx, access.thread, actor.id, now);
}

/** The text to store: the canned reply rendered with this thread's facts, or what was typed. */
async function composeBody(tx: EntityManager, thread: ThreadRecord, input: ChatSendInput): Promise<string> {
  if (!input.cannedReplyId) return input.body;
  const canned = await chatCannedReplyRepository.find(tx, input.cannedReplyId);
  if (!canned) throw new AppError('NOT_FOUND', 'That canned reply no longer exists.');
  return renderCannedReply(canned.body, cannedValues(thread));
}

export function cannedValues(thread: ThreadRecord) {
  return { buyer_name: thread.buyerName, seller_name: thread.sellerName, order_number: thread.orderNumber };
}

