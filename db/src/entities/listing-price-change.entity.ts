// Every price change of a listing, append-only: who or what changed it (seller, markdown run,
// bulk policy) and the policy version. `periodKey` makes a markdown period apply once per listing:
// a second run of the job for the same period hits the unique index and changes nothing.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';

export class ListingPriceChange {
  id: string = randomUUID();
  listing!: Ref<Listing>;
  fromMinor!: number;
  toMinor!: number;
  currency = 'EUR';
  reason!: 'seller' | 'markdown' | 'policy';
  policyVersionId: string | null = null;
  policyVersion: number | null = null;
  periodKey: string | null = null;
  actorId: string | null = null;
  createdAt: Date = new Date();
}

export const ListingPriceChangeSchema = new EntitySchema<ListingPriceChange>({
  class: ListingPriceChange,
  tableName: 'listing_price_changes',
  indexes: [{ properties: ['listing', 'createdAt'] }],
  uniques: [{ properties: ['listing', 'periodKey'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    listing: { kind: 'm:1', entity: () => Listing, ref: true, deleteRule: 'cascade' },
    fromMinor: { type: 'integer' },
    toMinor: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    reason: { type: 'string', length: 10 },
    policyVersionId: { type: 'uuid', nullable: true },
    policyVersion: { type: 'integer', nullable: true },
    periodKey: { type: 'string', length: 120, nullable: true },
    actorId: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
