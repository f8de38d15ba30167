// Chat attachments, private to the thread's participants and support staff:
//   POST /uploads/chat-attachments?threadId=…          multipart `file`; someone who may write in the thread; PDF/JPEG/PNG/WebP by their bytes
//   GET  /files/chat/:threadId/attachments/:fileId      the thread's participants and support staff
// An upload is attached to a message by chat.send({ attachmentIds }); a deleted message's files are
// no longer served, a hidden message's only to staff.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { chatMessageRepository } from '../repositories/chat-message-repository.js';
import { accessThread } from '../services/chat/thread-access.js';
import { receivePrivateFile, sendPrivateFile } from './private-files.js';
import type { UploadRouteDeps } from './route-deps.js';
import { fail } from './route-replies.js';

const uploadQuery = z.object({ threadId: z.string().uuid() });
const fileParams = z.object({ threadId: z.string().uuid(), fileId: z.string().uuid() });
const chatAttachment = { purpose: 'chat_attachment', permission: 'chat.send', keyPrefix: 'chat-attachments', noun: 'an attachment', who: 'people in this conversation' } as const;

export function registerChatAttachmentRoutes(scope: FastifyInstance, deps: UploadRouteDeps) {
  scope.post('/uploads/chat-attachments', (req, reply) => postAttachment(req, reply, deps));
  scope.get('/files/chat/:threadId/attachments/:fileId', (req, reply) => getAttachment(req, reply, deps));
}

/** Checked before the bytes are read: only someone in the thread may upload into it. */
async function postAttachment(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to attach files.');
  const query = uploadQuery.safeParse(req.query);
  if (!query.success) return fail(reply, 'BAD_REQUEST', 'Say which conversation the file is for (?threadId=…).');
  try {
    await accessThread(deps.db.orm.em.fork(), query.data.threadId, actor);
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return fail(reply, 'NOT_FOUND', err.message);
    throw err;
  }
  return receivePrivateFile(req, reply, deps, chatAttachment);
}

async function getAttachment(req: FastifyRequest, reply: FastifyReply, deps: UploadRouteDeps) {
  const actor = await deps.authenticate(req);
  if (!actor) return fail(reply, 'UNAUTHORIZED', 'Sign in to see this file.');
  const params = fileParams.safeParse(req.params);
  if (!params.success) return fail(reply, 'NOT_FOUND', 'No such file.');
  const em = deps.db.orm.em.fork();
  let staff = false;
  try {
    staff = (await accessThread(em, params.data.threadId, actor)).staff;
  } catch (err) {
    // Someone else's conversation answers like a missing file.
    if (err instanceof AppError && err.code === 'NOT_FOUND') return fail(reply, 'NOT_FOUND', 'No such file.');
    throw err;
  }
  const file = await chatMessageRepository.attachmentFile(em, params.data.threadId, params.data.fileId);
  if (!file || (file.hidden && !staff)) return fail(reply, 'NOT_FOUND', 'No such file.');
  return sendPrivateFile(reply, deps, file.storageKey, `attachment-${params.data.fileId.slice(0, 8)}`, 'No such file.');
}
