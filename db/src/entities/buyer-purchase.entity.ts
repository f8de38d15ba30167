// Discovery's purchase history: when a buyer first bought a listing (one row per pair). The
// co-purchase job pairs new rows with the buyer's recent ones; home rows read it for "for you".
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';
import { User } from './user.entity.js';

export class BuyerPurchase {
  buyer!: Ref<User>;
  listing!: Ref<Listing>;
  firstBoughtAt!: Date;
}

export const BuyerPurchaseSchema = new EntitySchema<BuyerPurchase>({
  class: BuyerPurchase,
  tableName: 'buyer_purchases',
  indexes: [{ properties: ['buyer', 'firstBoughtAt'] }],
  properties: {
    buyer: { kind: 'm:1', entity: () => User, ref: true, primary: true, deleteRule: 'cascade' },
    listing: { kind: 'm:1', entity: () => Listing, ref: true, primary: true, deleteRule: 'cascade' },
    firstBoughtAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
