// Canned replies: admins keep the list (chat.canned_manage), support agents pick one; the server
// renders its variables with the thread's facts when it is sent (and for the preview).
import { randomUUID } from 'node:crypto';
import { cannedReplyVariables, hasGrant, renderCannedReply, unknownCannedVariables } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { chatCannedReplyRepository } from '../../repositories/chat-canned-reply-repository.js';
import { cannedValues } from './send-message.js';
import { accessThread, type ChatActor } from './thread-access.js';

function assertStaff(actor: ChatActor) {
  if (!hasGrant(actor, 'chat.support')) throw new AppError('FORBIDDEN', 'Canned replies are for support staff.');
}

function assertKnownVariables(body: string) {
  const unknown = unknownCannedVariables(body);
  if (unknown.length) {
    throw new AppError('BAD_REQUEST', `Unknown variable${unknown.length === 1 ? '' : 's'} ${unknown.map((v) => `{${v}}`).join(', ')}. Use ${cannedReplyVariables.map((v) => `{${v}}`).join(', ')}.`, { reason: 'UNKNOWN_VARIABLE', unknown });
  }
}

export async function listCannedReplies(em: EntityManager, actor: ChatActor) {
  assertStaff(actor);
  return { replies: await chatCannedReplyRepository.list(em), variables: [...cannedReplyVariables], canManage: hasGrant(actor, 'chat.canned_manage') };
}

export async function previewCannedReply(em: EntityManager, actor: ChatActor, input: { threadId: string; id: string }) {
  assertStaff(actor);
  const access = await accessThread(em, input.threadId, actor);
  const reply = await chatCannedReplyRepository.find(em, input.id);
  if (!reply) throw new AppError('NOT_FOUND', 'That canned reply no longer exists.');
  return { id: reply.id, body: renderCannedReply(reply.body, cannedValues(access.thread)) };
}

export async function saveCannedReply(em: EntityManager, actor: ChatActor, input: { id?: string | undefined; version?: number | undefined; title: string; body: string }, now: Date) {
  if (!hasGrant(actor, 'chat.canned_manage')) throw new AppError('FORBIDDEN', 'Only admins can edit canned replies.');
  assertKnownVariables(input.body);
  if (!input.id) {
    const id = randomUUID();
    await chatCannedReplyRepository.insert(em, { id, title: input.title, body: input.body, by: actor.id, now });
    return (await chatCannedReplyRepository.find(em, id))!;
  }
  const saved = await chatCannedReplyRepository.update(em, { id: input.id, version: input.version ?? 0, title: input.title, body: input.body, by: actor.id, now });
  const current = await chatCannedReplyRepository.find(em, input.id);
  if (!saved) {
    if (!current) throw new AppError('NOT_FOUND', 'That canned reply no longer exists.');
    throw new AppError('CONFLICT', 'Someone else changed this canned reply. Review their version and save again.', { current });
  }
  return current!;
}

export async function archiveCannedReply(em: EntityManager, actor: ChatActor, id: string, now: Date) {
  if (!hasGrant(actor, 'chat.canned_manage')) throw new AppError('FORBIDDEN', 'Only admins can edit canned replies.');
  if (!(await chatCannedReplyRepository.archive(em, id, actor.id, now))) throw new AppError('NOT_FOUND', 'That canned reply no longer exists.');
  return { archived: true };
}
