// A line of an order, with the title and price copied at checkout time.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';
import { Order } from './order.entity.js';

export class OrderItem {
  id: string = randomUUID();
  order!: Ref<Order>;
  listing!: Ref<Listing>;
  title!: string;
  unitPriceMinor!: number;
  quantity!: number;
  lineTotalMinor!: number;
}

export const OrderItemSchema = new EntitySchema<OrderItem>({
  class: OrderItem,
  tableName: 'order_items',
  properties: {
    id: { type: 'uuid', primary: true },
    order: { kind: 'm:1', entity: () => Order, ref: true, deleteRule: 'cascade', index: true },
    listing: { kind: 'm:1', entity: () => Listing, ref: true, deleteRule: 'restrict', index: true },
    title: { type: 'string', length: 200 },
    unitPriceMinor: { type: 'integer' },
    quantity: { type: 'integer' },
    lineTotalMinor: { type: 'integer' },
  },
});
