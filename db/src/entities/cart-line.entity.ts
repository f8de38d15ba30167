// A signed-in buyer's cart, one row per listing. Guests keep theirs in local storage until login.
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';
import { User } from './user.entity.js';

export class CartLine {
  user!: Ref<User>;
  listing!: Ref<Listing>;
  quantity = 1;
  addedAt: Date = new Date();
}

export const CartLineSchema = new EntitySchema<CartLine>({
  class: CartLine,
  tableName: 'cart_lines',
  properties: {
    user: { kind: 'm:1', entity: () => User, ref: true, primary: true, deleteRule: 'cascade' },
    listing: { kind: 'm:1', entity: () => Listing, ref: true, primary: true, deleteRule: 'cascade' },
    quantity: { type: 'integer' },
    addedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
