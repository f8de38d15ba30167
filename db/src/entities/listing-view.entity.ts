// What a signed-in buyer looked at (aggregated per listing), for "recently viewed" and personal
// home rows. Written in batches by the view flush job, never on the request path.
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';
import { User } from './user.entity.js';

export class ListingView {
  user!: Ref<User>;
  listing!: Ref<Listing>;
  views = 0;
  lastViewedAt!: Date;
}

export const ListingViewSchema = new EntitySchema<ListingView>({
  class: ListingView,
  tableName: 'listing_views',
  indexes: [{ properties: ['user', 'lastViewedAt'] }],
  properties: {
    user: { kind: 'm:1', entity: () => User, ref: true, primary: true, deleteRule: 'cascade' },
    listing: { kind: 'm:1', entity: () => Listing, ref: true, primary: true, deleteRule: 'cascade' },
    views: { type: 'integer' },
    lastViewedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
