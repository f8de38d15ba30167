// Pricing policies, versioned and immutable: editing a policy adds a version, and every price
// change a policy causes records the version it came from. `policy` is packages/domain's PricingPolicy.
import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

export class PricingPolicyVersion {
  id: string = randomUUID();
  key!: string;
  version!: number;
  name!: string;
  policy!: Record<string, unknown>;
  createdById: string | null = null;
  createdAt: Date = new Date();
}

export const PricingPolicyVersionSchema = new EntitySchema<PricingPolicyVersion>({
  class: PricingPolicyVersion,
  tableName: 'pricing_policy_versions',
  uniques: [{ properties: ['key', 'version'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    key: { type: 'string', length: 60 },
    version: { type: 'integer' },
    name: { type: 'string', length: 120 },
    policy: { type: 'json' },
    createdById: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
