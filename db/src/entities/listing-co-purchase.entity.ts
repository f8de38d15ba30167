// "Customers who bought this also bought": for a listing, how many buyers also bought `other`.
// Kept in both directions (a→b and b→a) so a listing page reads its neighbours from one index
// range. Maintained incrementally by the `discovery.recordPurchase` job (packages/domain
// discovery/co-purchase.ts says what counts).
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';

export class ListingCoPurchase {
  listing!: Ref<Listing>;
  other!: Ref<Listing>;
  buyers = 0;
  updatedAt: Date = new Date();
}

export const ListingCoPurchaseSchema = new EntitySchema<ListingCoPurchase>({
  class: ListingCoPurchase,
  tableName: 'listing_co_purchases',
  indexes: [{ name: 'listing_co_purchases_rank_index', expression: 'create index "listing_co_purchases_rank_index" on "listing_co_purchases" ("listing_id", "buyers" desc, "other_id")' }],
  properties: {
    listing: { kind: 'm:1', entity: () => Listing, ref: true, primary: true, deleteRule: 'cascade' },
    other: { kind: 'm:1', entity: () => Listing, ref: true, primary: true, deleteRule: 'cascade' },
    buyers: { type: 'integer' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
