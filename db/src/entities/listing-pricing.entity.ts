// A listing under a pricing policy (set by an admin's bulk apply): its list price before markdowns,
// what it cost, and since when it is in stock. The markdown job reads these to lower prices by age.
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Listing } from './listing.entity.js';
import { PricingPolicyVersion } from './pricing-policy-version.entity.js';

export class ListingPricing {
  listing!: Ref<Listing>;
  policyVersion!: Ref<PricingPolicyVersion>;
  listPriceMinor!: number;
  costMinor = 0;
  stockedAt!: Date;
  assignedAt: Date = new Date();
  assignedById: string | null = null;
}

export const ListingPricingSchema = new EntitySchema<ListingPricing>({
  class: ListingPricing,
  tableName: 'listing_pricing',
  properties: {
    listing: { kind: 'm:1', entity: () => Listing, ref: true, primary: true, deleteRule: 'cascade' },
    policyVersion: { kind: 'm:1', entity: () => PricingPolicyVersion, ref: true, deleteRule: 'restrict', index: true },
    listPriceMinor: { type: 'integer' },
    costMinor: { type: 'integer' },
    stockedAt: { type: 'datetime', columnType: 'timestamptz' },
    assignedAt: { type: 'datetime', columnType: 'timestamptz' },
    assignedById: { type: 'uuid', nullable: true },
  },
});
