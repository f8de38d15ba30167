// Inputs a client validates before sending (the API validates the same schemas).
import { z } from 'zod';
import { CHAT_ATTACHMENTS_MAX, CHAT_MESSAGE_MAX_LENGTH } from './rules.js';

export const chatBodySchema = z.string().trim().max(CHAT_MESSAGE_MAX_LENGTH, `Messages are limited to ${CHAT_MESSAGE_MAX_LENGTH} characters`);

export const chatSendSchema = z
  .object({
    threadId: z.string().uuid(),
    /** Made by the client before the first attempt and reused on retries: the idempotency key. */
    clientId: z.string().uuid(),
    body: chatBodySchema.default(''),
    attachmentIds: z.array(z.string().uuid()).max(CHAT_ATTACHMENTS_MAX, `Attach up to ${CHAT_ATTACHMENTS_MAX} files`).default([]),
    cannedReplyId: z.string().uuid().optional(),
  })
  .refine((v) => v.body.length > 0 || v.attachmentIds.length > 0 || v.cannedReplyId, { message: 'Write a message or attach a file', path: ['body'] });
export type ChatSendInput = z.infer<typeof chatSendSchema>;

export const cannedReplySchema = z.object({
  title: z.string().trim().min(2, 'Give it a short title').max(80),
  body: z.string().trim().min(2, 'Write the reply').max(CHAT_MESSAGE_MAX_LENGTH),
});
