// A dispute about an order (opened by the buyer, or by the system for a chargeback), following the
// dispute machine. The SLA clock of the current state is stored (`slaDueAt`, `slaAtRiskAt`,
// `slaStatus`) so the queue shows it and a timer that fires late or twice is recognised.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Order } from './order.entity.js';
import { User } from './user.entity.js';

export class Dispute {
  id: string = randomUUID();
  order!: Ref<Order>;
  buyer!: Ref<User>;
  seller!: Ref<User>;
  state = 'open';
  version = 1;
  source: 'buyer' | 'chargeback' = 'buyer';
  reason!: string;
  description = '';
  currency = 'EUR';
  amountMinor!: number;
  buyerShareMinor: number | null = null;
  escalated = false;
  assigneeId: string | null = null;
  stateEnteredAt: Date = new Date();
  slaKind: string | null = null;
  slaDueAt: Date | null = null;
  slaAtRiskAt: Date | null = null;
  slaStatus = 'ok';
  providerDisputeId: string | null = null;
  providerRefundId: string | null = null;
  resolutionNote: string | null = null;
  resolvedBy: string | null = null;
  resolvedAt: Date | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const DisputeSchema = new EntitySchema<Dispute>({
  class: Dispute,
  tableName: 'disputes',
  // A chargeback covers a payment, which may have paid several sellers' orders: one dispute per order.
  uniques: [{ properties: ['providerDisputeId', 'order'] }],
  indexes: [{ properties: ['order'] }, { properties: ['buyer', 'createdAt'] }, { properties: ['seller', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    order: { kind: 'm:1', entity: () => Order, ref: true, deleteRule: 'restrict' },
    buyer: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'restrict' },
    seller: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'restrict' },
    state: { type: 'string', length: 20 },
    version: { type: 'integer' },
    source: { type: 'string', length: 12 },
    reason: { type: 'string', length: 30 },
    description: { type: 'text' },
    currency: { type: 'string', length: 3 },
    amountMinor: { type: 'integer' },
    buyerShareMinor: { type: 'integer', nullable: true },
    escalated: { type: 'boolean' },
    assigneeId: { type: 'uuid', nullable: true },
    stateEnteredAt: { type: 'datetime', columnType: 'timestamptz' },
    slaKind: { type: 'string', length: 20, nullable: true },
    slaDueAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    slaAtRiskAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    slaStatus: { type: 'string', length: 10 },
    providerDisputeId: { type: 'string', length: 100, nullable: true },
    providerRefundId: { type: 'string', length: 100, nullable: true },
    resolutionNote: { type: 'string', length: 2000, nullable: true },
    resolvedBy: { type: 'uuid', nullable: true },
    resolvedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
