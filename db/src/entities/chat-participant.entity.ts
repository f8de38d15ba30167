// Who takes part in a thread and how far they have read (the stream seq of the last message they
// saw): read receipts and unread counts. Buyer and seller from the start; staff when they join.
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { ChatThread } from './chat-thread.entity.js';
import { User } from './user.entity.js';

export class ChatParticipant {
  thread!: Ref<ChatThread>;
  user!: Ref<User>;
  role!: 'buyer' | 'seller' | 'support';
  lastReadSeq = 0;
  joinedAt: Date = new Date();
}

export const ChatParticipantSchema = new EntitySchema<ChatParticipant>({
  class: ChatParticipant,
  tableName: 'chat_participants',
  indexes: [{ properties: ['user'] }],
  properties: {
    thread: { kind: 'm:1', entity: () => ChatThread, ref: true, primary: true, deleteRule: 'cascade' },
    user: { kind: 'm:1', entity: () => User, ref: true, primary: true, deleteRule: 'cascade' },
    role: { type: 'string', length: 10 },
    lastReadSeq: { type: 'integer', default: 0 },
    joinedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
