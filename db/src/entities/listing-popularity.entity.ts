// How much attention a listing gets: all-time views and purchases ("popular") and a forward-decayed
// trending score kept as a natural log (packages/domain discovery/trend.ts), null before any event.
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';

export class ListingPopularity {
  listing!: Ref<Listing>;
  trendLog: number | null = null;
  views = 0;
  purchases = 0;
  updatedAt: Date = new Date();
}

export const ListingPopularitySchema = new EntitySchema<ListingPopularity>({
  class: ListingPopularity,
  tableName: 'listing_popularity',
  indexes: [
    { name: 'listing_popularity_trend_index', expression: 'create index "listing_popularity_trend_index" on "listing_popularity" ("trend_log" desc nulls last)' },
    { name: 'listing_popularity_popular_index', expression: 'create index "listing_popularity_popular_index" on "listing_popularity" ("purchases" desc, "views" desc)' },
  ],
  properties: {
    listing: { kind: 'm:1', entity: () => Listing, ref: true, primary: true, deleteRule: 'cascade' },
    trendLog: { type: 'double', columnType: 'double precision', nullable: true },
    views: { type: 'integer' },
    purchases: { type: 'integer' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
