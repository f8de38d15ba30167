// One seller's part of a checkout. `state`/`version` follow the order machine (packages/domain);
// `hold` is the escrow hold that earmarks its money in the ledger until it settles.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import type { EscrowHold } from '@marketdesk/domain';
import { type AddressSnapshot, Checkout } from './checkout.entity.js';
import { User } from './user.entity.js';

export class Order {
  id: string = randomUUID();
  number!: string;
  checkout!: Ref<Checkout>;
  buyer!: Ref<User>;
  seller!: Ref<User>;
  state = 'awaiting_payment';
  version = 1;
  currency = 'EUR';
  itemsMinor!: number;
  shippingMinor!: number;
  taxMinor!: number;
  totalMinor!: number;
  feeMinor!: number;
  refundedMinor = 0;
  deliverySlaDays!: number;
  address!: AddressSnapshot;
  hold: EscrowHold | null = null;
  paidAt: Date | null = null;
  carrier: string | null = null;
  trackingNumber: string | null = null;
  shipmentProofKey: string | null = null;
  shippedAt: Date | null = null;
  deliveredAt: Date | null = null;
  completedAt: Date | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const OrderSchema = new EntitySchema<Order>({
  class: Order,
  tableName: 'orders',
  indexes: [{ properties: ['seller', 'state', 'createdAt'] }, { properties: ['buyer', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    number: { type: 'string', length: 20, unique: true },
    checkout: { kind: 'm:1', entity: () => Checkout, ref: true, deleteRule: 'restrict', index: true },
    buyer: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'restrict' },
    seller: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'restrict' },
    state: { type: 'string', length: 24 },
    version: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    itemsMinor: { type: 'integer' },
    shippingMinor: { type: 'integer' },
    taxMinor: { type: 'integer' },
    totalMinor: { type: 'integer' },
    feeMinor: { type: 'integer' },
    refundedMinor: { type: 'integer' },
    deliverySlaDays: { type: 'integer' },
    address: { type: 'json' },
    hold: { type: 'json', nullable: true },
    paidAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    carrier: { type: 'string', length: 20, nullable: true },
    trackingNumber: { type: 'string', length: 60, nullable: true },
    shipmentProofKey: { type: 'string', length: 200, nullable: true },
    shippedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    deliveredAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    completedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
