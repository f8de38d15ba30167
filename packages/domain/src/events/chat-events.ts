// Chat events for `thread:{id}` and the participants' `user:{id}` rooms (unread badges). Each is one
// step of the thread's stream (`thread:{id}`): a message's position is the seq of its
// `chat.message.created`, and clients catch up with chat.history({ afterSeq }). Staff appear as
// Support: payloads never carry an agent's id or name to the room.
import { z } from 'zod';
import { chatRoles, chatThreadKinds } from '../chat/rules.js';
import { eventId } from './transition-fields.js';

const ms = z.number().int();

export const chatAttachmentSchema = z.object({ id: eventId, contentType: z.string(), bytes: z.number().int().min(0) });

export const chatMessageSchema = z.object({
  id: eventId,
  threadId: eventId,
  /** The sender's idempotency key, so the sending client can replace its "sending…" copy. */
  clientId: z.string().nullable(),
  kind: z.enum(['text', 'system']),
  author: z.object({ id: eventId.nullable(), role: z.enum([...chatRoles, 'system']), name: z.string() }),
  body: z.string(),
  attachments: z.array(chatAttachmentSchema),
  /** Contact details were masked by the pre-sale policy. */
  masked: z.boolean(),
  createdAtMs: ms,
  editedAtMs: ms.nullable(),
  deletedAtMs: ms.nullable(),
  hidden: z.boolean(),
});
export type ChatMessagePayload = z.infer<typeof chatMessageSchema>;

const thread = { threadId: eventId };

export const chatEventPayloads = {
  'chat.message.created': z.object({ ...thread, message: chatMessageSchema }),
  'chat.message.edited': z.object({ ...thread, messageId: eventId, body: z.string(), masked: z.boolean(), editedAtMs: ms }),
  /** A tombstone: the text and files are gone, the fact that something was said stays. */
  'chat.message.deleted': z.object({ ...thread, messageId: eventId, deletedAtMs: ms }),
  /** Hidden by staff; who and why are recorded on the message for staff, not sent to the room. */
  'chat.message.hidden': z.object({ ...thread, messageId: eventId, hiddenAtMs: ms }),
  'chat.thread.read': z.object({ ...thread, reader: z.object({ id: eventId.nullable(), role: z.enum(chatRoles) }), lastReadSeq: z.number().int().min(0) }),
  'chat.participant.joined': z.object({ ...thread, role: z.enum(chatRoles) }),
  /**
   * For the support inbox (`support:inbox`, staff with chat.support): an order conversation's last
   * message changed — a new thread's first message, a new message in a thread no agent joined, an
   * edit or removal of the last one. A summary, not the message: the preview has contact details
   * masked and names no one; the inbox refetches what it shows through chat.supportInbox.
   */
  'chat.inbox.updated': z.object({
    ...thread,
    kind: z.enum(chatThreadKinds),
    order: z.object({ id: eventId, number: z.string() }).nullable(),
    listing: z.object({ id: eventId, title: z.string() }).nullable(),
    lastMessageSeq: z.number().int().min(0),
    lastMessageAtMs: ms,
    /** One line: the last message as plain words (contact details masked), or what happened to it. */
    preview: z.string(),
    /** Buyer and seller messages no one from support has read yet. */
    unread: z.number().int().min(0),
    supportJoined: z.boolean(),
  }),
} as const;
