// A seller's listing. `quantity` is the stock still available to buy: a checkout reserves units by
// decrementing it atomically (never below zero) and an expired reservation gives them back.
// The `search_vector` column (weighted title / artist-format-label / description) is a generated
// column declared in the migration, so the search index changes in the same transaction as the
// listing. It is not mapped here: only raw search SQL reads it.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Category } from './category.entity.js';
import { User } from './user.entity.js';

export type ListingAttributes = Record<string, string>;

export class Listing {
  id: string = randomUUID();
  seller!: Ref<User>;
  category!: Ref<Category>;
  slug!: string;
  title!: string;
  description = '';
  attributes: ListingAttributes = {};
  condition: string | null = null;
  priceMinor!: number;
  currency = 'EUR';
  quantity = 1;
  shippingMinor = 0;
  deliverySlaDays = 3;
  state = 'draft';
  version = 1;
  dealEndsAt: Date | null = null;
  publishedAt: Date | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}


export const ListingSchema = new EntitySchema<Listing>({
  class: Listing,
  tableName: 'listings',
  indexes: [
    { properties: ['state', 'createdAt'] },
    { properties: ['state', 'priceMinor'] },
    { properties: ['publishedAt', 'id'] },
    { name: 'listings_search_vector_index', expression: 'create index "listings_search_vector_index" on "listings" using gin ("search_vector")' },
    { name: 'listings_title_trgm_index', expression: 'create index "listings_title_trgm_index" on "listings" using gin ("title" gin_trgm_ops)' },
    // "Similar items" looks up listings by the same artist.
    { name: 'listings_artist_index', expression: `create index "listings_artist_index" on "listings" (lower("attributes"->>'artist'))` },
  ],
  checks: [{ name: 'listings_quantity_non_negative', expression: 'quantity >= 0' }],
  properties: {
    id: { type: 'uuid', primary: true },
    seller: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'restrict', index: true },
    category: { kind: 'm:1', entity: () => Category, ref: true, deleteRule: 'restrict', index: true },
    slug: { type: 'string', length: 160, unique: true },
    title: { type: 'string', length: 200 },
    description: { type: 'text' },
    attributes: { type: 'json' },
    condition: { type: 'string', length: 8, nullable: true },
    priceMinor: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    quantity: { type: 'integer' },
    shippingMinor: { type: 'integer' },
    deliverySlaDays: { type: 'integer' },
    state: { type: 'string', length: 20 },
    version: { type: 'integer' },
    dealEndsAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    publishedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
