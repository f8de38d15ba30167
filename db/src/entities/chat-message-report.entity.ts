// A participant's report of a message (spam, abuse, off-platform contact), once per person and
// message; staff see open reports and resolve them.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { ChatMessage } from './chat-message.entity.js';

export class ChatMessageReport {
  id: string = randomUUID();
  message!: Ref<ChatMessage>;
  threadId!: string;
  reporterId!: string;
  reason!: string;
  resolvedAt: Date | null = null;
  resolvedBy: string | null = null;
  createdAt: Date = new Date();
}

export const ChatMessageReportSchema = new EntitySchema<ChatMessageReport>({
  class: ChatMessageReport,
  tableName: 'chat_message_reports',
  uniques: [{ name: 'chat_message_reports_once', properties: ['message', 'reporterId'] }],
  indexes: [{ properties: ['resolvedAt', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    message: { kind: 'm:1', entity: () => ChatMessage, ref: true, deleteRule: 'cascade' },
    threadId: { type: 'uuid' },
    reporterId: { type: 'uuid' },
    reason: { type: 'string', length: 500 },
    resolvedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    resolvedBy: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
