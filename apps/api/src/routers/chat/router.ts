// chat.*: threads, messages, read receipts, moderation and canned replies. Thin: validate, call the
// chat service, return. Attachments go over HTTP (http/chat-attachments.ts); typing and presence
// are socket events (realtime/chat-handlers.ts).
import { z } from 'zod';
import { cannedReplySchema, chatBodySchema, chatSendSchema, chatThreadKinds } from '@marketdesk/domain';
import { authedProcedure, permissionProcedure, router } from '../../trpc/procedures.js';
import { AppError } from '../../errors/app-error.js';
import * as chat from '../../services/chat/index.js';
import type { Context } from '../../trpc/context.js';

const id = z.string().uuid();
const seq = z.number().int().min(0);
const reason = z.string().trim().min(3, 'Say why in a few words').max(500);

/** A refused send also tells HTTP clients when to retry (Retry-After), besides the error's details. */
async function withRetryAfter<T>(ctx: Context, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.code === 'TOO_MANY_REQUESTS') void ctx.res.header('retry-after', String(err.details.retryAfterSeconds ?? 1));
    throw err;
  }
}

const threadForOrder = authedProcedure.input(z.object({ orderId: id })).mutation(({ ctx, input }) => chat.threadForOrder(ctx.em, ctx.actor, input.orderId, new Date()));
const startPresale = permissionProcedure('chat.send').input(z.object({ listingId: id })).mutation(({ ctx, input }) => chat.presaleThread(ctx.em, ctx.actor, input.listingId, new Date()));
const thread = authedProcedure.input(z.object({ threadId: id })).query(({ ctx, input }) => chat.threadDetails(ctx.em, ctx.actor, input.threadId));
const myThreads = authedProcedure
  .input(z.object({ kind: z.enum(chatThreadKinds).optional(), limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
  .query(({ ctx, input }) => chat.myThreads(ctx.em, ctx.actor, input));
const supportInbox = permissionProcedure('chat.support')
  .input(z.object({ joinedOnly: z.boolean().default(false), limit: z.number().int().min(1).max(200).default(100) }).default({ joinedOnly: false, limit: 100 }))
  .query(({ ctx, input }) => chat.supportInbox(ctx.em, ctx.actor, input));
const unread = authedProcedure.query(({ ctx }) => chat.unreadSummary(ctx.em, ctx.actor));
const join = permissionProcedure('chat.support').input(z.object({ threadId: id })).mutation(({ ctx, input }) => chat.joinAsSupport(ctx.em, ctx.actor, input.threadId, new Date()));

const history = authedProcedure
  .input(z.object({ threadId: id, afterSeq: seq.optional(), beforeSeq: seq.optional(), limit: z.number().int().min(1).max(500).default(100) }))
  .query(({ ctx, input }) => chat.history(ctx.em, ctx.actor, input));
const send = permissionProcedure('chat.send')
  .input(chatSendSchema)
  .mutation(({ ctx, input }) => withRetryAfter(ctx, () => chat.sendMessage(ctx.em, { limit: chat.createChatSendLimit(ctx.services.redis, ctx.services.config) }, ctx.actor, input, new Date())));
const edit = authedProcedure.input(z.object({ messageId: id, body: chatBodySchema })).mutation(({ ctx, input }) => chat.editMessage(ctx.em, ctx.actor, input, new Date()));
const remove = authedProcedure.input(z.object({ messageId: id })).mutation(({ ctx, input }) => chat.deleteMessage(ctx.em, ctx.actor, input, new Date()));
const markRead = authedProcedure.input(z.object({ threadId: id, seq })).mutation(({ ctx, input }) => chat.markRead(ctx.em, ctx.actor, input, new Date()));

const hide = permissionProcedure('chat.moderate').input(z.object({ messageId: id, reason })).mutation(({ ctx, input }) => chat.hideMessage(ctx.em, ctx.actor, input, new Date()));
const report = authedProcedure.input(z.object({ messageId: id, reason })).mutation(({ ctx, input }) => chat.reportMessage(ctx.em, ctx.actor, input, new Date()));
const reports = permissionProcedure('chat.moderate')
  .input(z.object({ open: z.boolean().default(true), limit: z.number().int().min(1).max(200).default(50) }).default({ open: true, limit: 50 }))
  .query(({ ctx, input }) => chat.listReports(ctx.em, ctx.actor, input));
const resolveReport = permissionProcedure('chat.moderate').input(z.object({ reportId: id })).mutation(({ ctx, input }) => chat.resolveReport(ctx.em, ctx.actor, input.reportId, new Date()));

const cannedReplies = router({
  list: permissionProcedure('chat.support').query(({ ctx }) => chat.listCannedReplies(ctx.em, ctx.actor)),
  preview: permissionProcedure('chat.support').input(z.object({ threadId: id, id })).query(({ ctx, input }) => chat.previewCannedReply(ctx.em, ctx.actor, input)),
  save: permissionProcedure('chat.canned_manage')
    .input(cannedReplySchema.extend({ id: id.optional(), version: z.number().int().min(1).optional() }))
    .mutation(({ ctx, input }) => chat.saveCannedReply(ctx.em, ctx.actor, input, new Date())),
  archive: permissionProcedure('chat.canned_manage').input(z.object({ id })).mutation(({ ctx, input }) => chat.archiveCannedReply(ctx.em, ctx.actor, input.id, new Date())),
});

export const chatRouter = router({ threadForOrder, startPresale, thread, myThreads, supportInbox, unread, join, history, send, edit, delete: remove, markRead, hide, report, reports, resolveReport, cannedReplies });
