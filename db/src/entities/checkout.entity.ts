// One buyer checkout: a single payment (PaymentIntent) covering one order per seller.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export type CheckoutState = 'awaiting_payment' | 'paid' | 'failed' | 'expired';

export interface AddressSnapshot {
  name: string;
  line1: string;
  line2?: string | undefined;
  city: string;
  postalCode: string;
  country: string;
  phone?: string | undefined;
}

export class Checkout {
  id: string = randomUUID();
  buyer!: Ref<User>;
  state: CheckoutState = 'awaiting_payment';
  currency = 'EUR';
  itemsMinor!: number;
  shippingMinor!: number;
  taxMinor!: number;
  totalMinor!: number;
  feeMinor!: number;
  address!: AddressSnapshot;
  providerPaymentId: string | null = null;
  failureMessage: string | null = null;
  expiresAt!: Date;
  paidAt: Date | null = null;
  /** Risk assessment at payment (score 0–100 and its reasons); held orders wait in the fraud queue. */
  riskScore: number | null = null;
  riskReasons: unknown[] = [];
  clientIp: string | null = null;
  /** The paying card as the provider names it (fingerprint), whether it was live, and its country. */
  cardFingerprint: string | null = null;
  cardLive = false;
  cardCountry: string | null = null;
  createdAt: Date = new Date();
}

export const CheckoutSchema = new EntitySchema<Checkout>({
  class: Checkout,
  tableName: 'checkouts',
  indexes: [{ properties: ['state', 'expiresAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    buyer: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'restrict', index: true },
    state: { type: 'string', length: 20 },
    currency: { type: 'string', length: 3 },
    itemsMinor: { type: 'integer' },
    shippingMinor: { type: 'integer' },
    taxMinor: { type: 'integer' },
    totalMinor: { type: 'integer' },
    feeMinor: { type: 'integer' },
    address: { type: 'json' },
    providerPaymentId: { type: 'string', length: 100, nullable: true, unique: true },
    failureMessage: { type: 'string', length: 300, nullable: true },
    expiresAt: { type: 'datetime', columnType: 'timestamptz' },
    paidAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    riskScore: { type: 'integer', nullable: true },
    riskReasons: { type: 'json', default: '[]' },
    clientIp: { type: 'string', length: 64, nullable: true },
    cardFingerprint: { type: 'string', length: 100, nullable: true, index: true },
    cardLive: { type: 'boolean', default: false },
    cardCountry: { type: 'string', length: 2, nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
