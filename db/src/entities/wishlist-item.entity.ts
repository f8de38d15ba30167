// A buyer's saved listing, with the price and stock it had when saved: the wishlist shows drops
// against that price and "back in stock" for items saved while sold out.
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';
import { User } from './user.entity.js';

export class WishlistItem {
  user!: Ref<User>;
  listing!: Ref<Listing>;
  savedPriceMinor!: number;
  savedSoldOut = false;
  createdAt: Date = new Date();
}

export const WishlistItemSchema = new EntitySchema<WishlistItem>({
  class: WishlistItem,
  tableName: 'wishlist_items',
  indexes: [{ properties: ['listing'] }, { properties: ['user', 'createdAt'] }],
  properties: {
    user: { kind: 'm:1', entity: () => User, ref: true, primary: true, deleteRule: 'cascade' },
    listing: { kind: 'm:1', entity: () => Listing, ref: true, primary: true, deleteRule: 'cascade' },
    savedPriceMinor: { type: 'integer' },
    savedSoldOut: { type: 'boolean' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
