// A reply agents send often, with variables ({buyer_name}, {order_number}, {seller_name}) filled
// in by the server when sent. Admins edit them; `version` guards concurrent edits.
import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

export class ChatCannedReply {
  id: string = randomUUID();
  title!: string;
  body!: string;
  version = 1;
  updatedBy: string | null = null;
  archivedAt: Date | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const ChatCannedReplySchema = new EntitySchema<ChatCannedReply>({
  class: ChatCannedReply,
  tableName: 'chat_canned_replies',
  properties: {
    id: { type: 'uuid', primary: true },
    title: { type: 'string', length: 80 },
    body: { type: 'text' },
    version: { type: 'integer' },
    updatedBy: { type: 'uuid', nullable: true },
    archivedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
