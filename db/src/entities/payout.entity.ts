// A seller's withdrawal request, following the payout machine; its money moves through the ledger
// (a hold on the seller's available balance until approved, then in transit until the provider
// reports it paid or failed). The payout id is the idempotency key at the provider.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export class Payout {
  id: string = randomUUID();
  seller!: Ref<User>;
  requestedBy!: string;
  amountMinor!: number;
  currency = 'EUR';
  state = 'requested';
  version = 1;
  reason: string | null = null;
  decidedBy: string | null = null;
  providerTransferId: string | null = null;
  providerPayoutId: string | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const PayoutSchema = new EntitySchema<Payout>({
  class: Payout,
  tableName: 'payouts',
  indexes: [{ properties: ['state', 'createdAt'] }, { properties: ['seller', 'createdAt'] }],
  checks: [{ name: 'payouts_amount_positive', expression: 'amount_minor > 0' }],
  properties: {
    id: { type: 'uuid', primary: true },
    seller: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'restrict' },
    requestedBy: { type: 'uuid' },
    amountMinor: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    state: { type: 'string', length: 20 },
    version: { type: 'integer' },
    reason: { type: 'string', length: 500, nullable: true },
    decidedBy: { type: 'uuid', nullable: true },
    providerTransferId: { type: 'string', length: 100, nullable: true },
    providerPayoutId: { type: 'string', length: 100, nullable: true, unique: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
