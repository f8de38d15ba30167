// A buyer's review of a completed order: one per order and buyer (a unique constraint, not only
// code), editable for a week, answerable once by the seller, hideable by staff (audited).
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Order } from './order.entity.js';
import { User } from './user.entity.js';

export class Review {
  id: string = randomUUID();
  order!: Ref<Order>;
  buyer!: Ref<User>;
  seller!: Ref<User>;
  rating!: number;
  body = '';
  sellerReply: string | null = null;
  sellerRepliedAt: Date | null = null;
  hidden = false;
  hiddenReason: string | null = null;
  editableUntil!: Date;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const ReviewSchema = new EntitySchema<Review>({
  class: Review,
  tableName: 'reviews',
  uniques: [{ name: 'reviews_order_buyer_unique', properties: ['order', 'buyer'] }],
  indexes: [{ properties: ['seller', 'createdAt'] }],
  checks: [{ name: 'reviews_rating_range', expression: 'rating between 1 and 5' }],
  properties: {
    id: { type: 'uuid', primary: true },
    order: { kind: 'm:1', entity: () => Order, ref: true, deleteRule: 'cascade' },
    buyer: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    seller: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade' },
    rating: { type: 'smallint' },
    body: { type: 'text' },
    sellerReply: { type: 'text', nullable: true },
    sellerRepliedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    hidden: { type: 'boolean' },
    hiddenReason: { type: 'string', length: 500, nullable: true },
    editableUntil: { type: 'datetime', columnType: 'timestamptz' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
