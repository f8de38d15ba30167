// Orders the co-purchase job has counted: inserted in the same transaction as the counts, so a
// redelivered job (at-least-once) finds its order here and counts nothing twice.
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Order } from './order.entity.js';

export class DiscoveryProcessedOrder {
  order!: Ref<Order>;
  processedAt: Date = new Date();
}

export const DiscoveryProcessedOrderSchema = new EntitySchema<DiscoveryProcessedOrder>({
  class: DiscoveryProcessedOrder,
  tableName: 'discovery_processed_orders',
  properties: {
    order: { kind: 'm:1', entity: () => Order, ref: true, primary: true, deleteRule: 'cascade' },
    processedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
