// Units taken from a listing's stock for a checkout: held until paid (converted) or until the
// reservation window ends or the payment fails (released: the units go back to the listing).
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Checkout } from './checkout.entity.js';
import { Listing } from './listing.entity.js';

export class StockReservation {
  id: string = randomUUID();
  checkout!: Ref<Checkout>;
  listing!: Ref<Listing>;
  quantity!: number;
  state: 'held' | 'converted' | 'released' = 'held';
  expiresAt!: Date;
  createdAt: Date = new Date();
}

export const StockReservationSchema = new EntitySchema<StockReservation>({
  class: StockReservation,
  tableName: 'stock_reservations',
  indexes: [{ properties: ['state', 'expiresAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    checkout: { kind: 'm:1', entity: () => Checkout, ref: true, deleteRule: 'cascade', index: true },
    listing: { kind: 'm:1', entity: () => Listing, ref: true, deleteRule: 'restrict', index: true },
    quantity: { type: 'integer' },
    state: { type: 'string', length: 10 },
    expiresAt: { type: 'datetime', columnType: 'timestamptz' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
