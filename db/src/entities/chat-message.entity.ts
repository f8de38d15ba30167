// One chat message. `seq` is the stream seq of its chat.message.created event (its place in the
// thread); `changedSeq` the seq of its latest change, so a reconnecting client asks for everything
// changed after the last seq it applied. `clientId` is the sender's idempotency key. Deleting keeps
// a tombstone (text and files gone); hiding records who, when and why.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { ChatThread } from './chat-thread.entity.js';

export interface ChatAttachmentRef {
  id: string;
  contentType: string;
  bytes: number;
}

export class ChatMessage {
  id: string = randomUUID();
  thread!: Ref<ChatThread>;
  seq!: number;
  changedSeq!: number;
  kind: 'text' | 'system' = 'text';
  /** Null for system messages. */
  authorId: string | null = null;
  authorRole!: 'buyer' | 'seller' | 'support' | 'system';
  clientId: string | null = null;
  body = '';
  attachments: ChatAttachmentRef[] = [];
  masked = false;
  cannedReplyId: string | null = null;
  editedAt: Date | null = null;
  deletedAt: Date | null = null;
  hiddenAt: Date | null = null;
  hiddenBy: string | null = null;
  hiddenReason: string | null = null;
  createdAt: Date = new Date();
}

export const ChatMessageSchema = new EntitySchema<ChatMessage>({
  class: ChatMessage,
  tableName: 'chat_messages',
  uniques: [
    { name: 'chat_messages_thread_seq_unique', properties: ['thread', 'seq'] },
    { name: 'chat_messages_client_unique', properties: ['thread', 'authorId', 'clientId'] },
  ],
  indexes: [{ properties: ['thread', 'changedSeq'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    thread: { kind: 'm:1', entity: () => ChatThread, ref: true, deleteRule: 'cascade' },
    seq: { type: 'integer' },
    changedSeq: { type: 'integer' },
    kind: { type: 'string', length: 10 },
    authorId: { type: 'uuid', nullable: true },
    authorRole: { type: 'string', length: 10 },
    clientId: { type: 'uuid', nullable: true },
    body: { type: 'text' },
    attachments: { type: 'json' },
    masked: { type: 'boolean', default: false },
    cannedReplyId: { type: 'uuid', nullable: true },
    editedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    deletedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    hiddenAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    hiddenBy: { type: 'uuid', nullable: true },
    hiddenReason: { type: 'string', length: 500, nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
