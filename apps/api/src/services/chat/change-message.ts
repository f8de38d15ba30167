// After sending: the author edits (within 5 minutes) or deletes (a tombstone stays); staff hide a
// message with a reason (who and when recorded, for the audit log); any participant reports one.
import { randomUUID } from 'node:crypto';
import { applyContactPolicy, decideDelete, decideEdit, hasGrant, type MessageChangeRefusal, type MessageFacts } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { phoneNumberFinder } from '../../integrations/phone-numbers/phone-number-finder.js';
import { chatMessageRepository, type MessageRecord } from '../../repositories/chat-message-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import { messageView, type ChatMessageView } from './message-view.js';
import { announceToSupportInbox } from './support-inbox-events.js';
import { accessThread, threadRooms, type ChatActor, type ThreadAccess } from './thread-access.js';

const refusals: Record<MessageChangeRefusal, string> = {
  NOT_AUTHOR: 'You can only change your own messages.',
  EDIT_WINDOW_CLOSED: 'Messages can be edited for 5 minutes after sending. You can still delete it.',
  DELETED: 'This message was deleted.',
  HIDDEN: 'This message was hidden by Marketdesk and can no longer be changed.',
  SYSTEM: 'Messages from Marketdesk cannot be changed.',
};

const facts = (m: MessageRecord): MessageFacts => ({ authorId: m.authorId, kind: m.kind, createdAtMs: m.createdAt.getTime(), deleted: m.deletedAt !== null, hidden: m.hiddenAt !== null });

/** The inbox's preview shows the last message: a change to an earlier one does not alter it. */
async function announceIfLast(tx: EntityManager, access: ThreadAccess, message: MessageRecord, now: Date): Promise<void> {
  if (message.seq === access.thread.lastMessageSeq) await announceToSupportInbox(tx, access.thread.id, now);
}

/** Loads a message of a thread the actor may see, locked for the change. */
async function loadForChange(tx: EntityManager, actor: ChatActor, messageId: string): Promise<{ message: MessageRecord; access: ThreadAccess }> {
  const message = await chatMessageRepository.find(tx, messageId, { forUpdate: true });
  if (!message) throw new AppError('NOT_FOUND', 'This message does not exist.');
  const access = await accessThread(tx, message.threadId, actor);
  return { message, access };
}

function refuse(reason: MessageChangeRefusal): never {
  throw new AppError(reason === 'NOT_AUTHOR' ? 'FORBIDDEN' : 'CONFLICT', refusals[reason], { reason });
}

export async function editMessage(em: EntityManager, actor: ChatActor, input: { messageId: string; body: string }, now: Date): Promise<ChatMessageView> {
  return em.transactional(async (tx) => {
    const { message, access } = await loadForChange(tx, actor, input.messageId);
    const decision = decideEdit(facts(message), actor.id, now.getTime());
    if (!decision.ok) refuse(decision.reason);
    if (!input.body && message.attachments.length === 0) throw new AppError('BAD_REQUEST', 'A message needs some text; delete it instead.');
    const masked = applyContactPolicy(access.thread.kind, input.body, await phoneNumberFinder());
    const isMasked = masked.emails + masked.phones > 0;
    const event = await recordEvent(tx, {
      stream: `thread:${message.threadId}`,
      name: 'chat.message.edited',
      payload: { threadId: message.threadId, messageId: message.id, body: masked.text, masked: isMasked, editedAtMs: now.getTime() },
      rooms: threadRooms(access.thread, access.participants),
      actorId: access.role === 'support' ? null : actor.id,
      now,
    });
    await chatMessageRepository.edit(tx, message.id, masked.text, isMasked, event.seq, now);
    await announceIfLast(tx, access, message, now);
    return messageView((await chatMessageRepository.find(tx, message.id))!, { staff: access.staff });
  });
}

export async function deleteMessage(em: EntityManager, actor: ChatActor, input: { messageId: string }, now: Date): Promise<ChatMessageView> {
  return em.transactional(async (tx) => {
    const { message, access } = await loadForChange(tx, actor, input.messageId);
    const decision = decideDelete(facts(message), actor.id);
    if (!decision.ok) refuse(decision.reason);
    const event = await recordEvent(tx, {
      stream: `thread:${message.threadId}`,
      name: 'chat.message.deleted',
      payload: { threadId: message.threadId, messageId: message.id, deletedAtMs: now.getTime() },
      rooms: threadRooms(access.thread, access.participants),
      actorId: access.role === 'support' ? null : actor.id,
      now,
    });
    await chatMessageRepository.tombstone(tx, message.id, event.seq, now);
    await announceIfLast(tx, access, message, now);
    return messageView((await chatMessageRepository.find(tx, message.id))!, { staff: access.staff });
  });
}

export async function hideMessage(em: EntityManager, actor: ChatActor, input: { messageId: string; reason: string }, now: Date): Promise<ChatMessageView> {
  if (!hasGrant(actor, 'chat.moderate')) throw new AppError('FORBIDDEN', 'Only support staff can hide messages.');
  return em.transactional(async (tx) => {
    const { message, access } = await loadForChange(tx, actor, input.messageId);
    if (message.kind === 'system') refuse('SYSTEM');
    if (message.hiddenAt) throw new AppError('CONFLICT', `This message was already hidden by ${message.hiddenByName ?? 'a colleague'}.`, { reason: 'ALREADY_HIDDEN' });
    const event = await recordEvent(tx, {
      stream: `thread:${message.threadId}`,
      name: 'chat.message.hidden',
      payload: { threadId: message.threadId, messageId: message.id, hiddenAtMs: now.getTime() },
      rooms: threadRooms(access.thread, access.participants),
      actorId: null,
      now,
    });
    await chatMessageRepository.hide(tx, message.id, actor.id, input.reason, event.seq, now);
    await announceIfLast(tx, access, message, now);
    return messageView((await chatMessageRepository.find(tx, message.id))!, { staff: true });
  });
}

export async function reportMessage(em: EntityManager, actor: ChatActor, input: { messageId: string; reason: string }, now: Date): Promise<{ reported: true; alreadyReported: boolean }> {
  return em.transactional(async (tx) => {
    const message = await chatMessageRepository.find(tx, input.messageId);
    if (!message) throw new AppError('NOT_FOUND', 'This message does not exist.');
    await accessThread(tx, message.threadId, actor);
    if (message.authorId === actor.id) throw new AppError('BAD_REQUEST', 'You cannot report your own message; delete it instead.', { reason: 'OWN_MESSAGE' });
    if (message.kind === 'system') throw new AppError('BAD_REQUEST', 'Messages from Marketdesk cannot be reported.', { reason: 'SYSTEM' });
    const inserted = await chatMessageRepository.report(tx, { id: randomUUID(), messageId: message.id, threadId: message.threadId, reporterId: actor.id, reason: input.reason, now });
    return { reported: true, alreadyReported: !inserted };
  });
}

export async function listReports(em: EntityManager, actor: ChatActor, opts: { open: boolean; limit: number }) {
  if (!hasGrant(actor, 'chat.moderate')) throw new AppError('FORBIDDEN', 'Only support staff can see reported messages.');
  return chatMessageRepository.reports(em, opts);
}

export async function resolveReport(em: EntityManager, actor: ChatActor, reportId: string, now: Date) {
  if (!hasGrant(actor, 'chat.moderate')) throw new AppError('FORBIDDEN', 'Only support staff can resolve reports.');
  const done = await chatMessageRepository.resolveReport(em, reportId, actor.id, now);
  if (!done) throw new AppError('CONFLICT', 'This report is already resolved (or does not exist).', { reason: 'RESOLVED' });
  return { resolved: true };
}
