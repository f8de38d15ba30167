// A conversation: attached to an order (buyer, seller, and support staff who join) or pre-sale
// (a buyer asking a seller about a listing, one thread per buyer and listing). Its events form the
// stream `thread:{id}`; `lastSeq` mirrors that stream's last message seq for unread counts.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';
import { Order } from './order.entity.js';
import { User } from './user.entity.js';

export class ChatThread {
  id: string = randomUUID();
  kind!: 'order' | 'presale';
  order: Ref<Order> | null = null;
  listing: Ref<Listing> | null = null;
  buyer!: Ref<User>;
  seller!: Ref<User>;
  /** Stream seq of the newest message (0 before the first). */
  lastMessageSeq = 0;
  lastMessageAt: Date | null = null;
  createdAt: Date = new Date();
}

export const ChatThreadSchema = new EntitySchema<ChatThread>({
  class: ChatThread,
  tableName: 'chat_threads',
  uniques: [
    { name: 'chat_threads_order_unique', properties: ['order'] },
    { name: 'chat_threads_presale_unique', properties: ['listing', 'buyer'] },
  ],
  indexes: [{ properties: ['buyer', 'lastMessageAt'] }, { properties: ['seller', 'lastMessageAt'] }, { properties: ['kind', 'lastMessageAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    kind: { type: 'string', length: 10 },
    order: { kind: 'm:1', entity: () => Order, ref: true, nullable: true, deleteRule: 'cascade' },
    listing: { kind: 'm:1', entity: () => Listing, ref: true, nullable: true, deleteRule: 'cascade' },
    buyer: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    seller: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    lastMessageSeq: { type: 'integer', default: 0 },
    lastMessageAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
