// Goods a seller offers the marketplace (record store seed), following the submission machine:
// an indicative quote at once, staff review in the `submissions` queue, a firm offer the seller
// accepts, declines or counters before it expires; accepted items become listings.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export class Submission {
  id: string = randomUUID();
  seller!: Ref<User>;
  state = 'draft';
  version = 1;
  currency = 'EUR';
  /** The pricing engine's instant, indicative total at submission. */
  indicativeMinor = 0;
  /** The firm offer sent to the seller (machine quote), and the seller's counter. */
  quoteMinor: number | null = null;
  counterMinor: number | null = null;
  agreedMinor: number | null = null;
  counterRounds = 0;
  quoteExpiresAt: Date | null = null;
  note = '';
  rejectReason: string | null = null;
  rejectNote: string | null = null;
  infoRequest: string | null = null;
  infoResponse: string | null = null;
  /** What the house shop paid the seller for the accepted items, and when (credited to their balance). */
  purchaseMinor: number | null = null;
  purchasedAt: Date | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const SubmissionSchema = new EntitySchema<Submission>({
  class: Submission,
  tableName: 'submissions',
  indexes: [{ properties: ['seller', 'createdAt'] }, { properties: ['state', 'quoteExpiresAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    seller: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'restrict' },
    state: { type: 'string', length: 20 },
    version: { type: 'integer' },
    currency: { type: 'string', length: 3 },
    indicativeMinor: { type: 'integer' },
    quoteMinor: { type: 'integer', nullable: true },
    counterMinor: { type: 'integer', nullable: true },
    agreedMinor: { type: 'integer', nullable: true },
    counterRounds: { type: 'integer' },
    quoteExpiresAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    note: { type: 'string', length: 2000 },
    rejectReason: { type: 'string', length: 30, nullable: true },
    rejectNote: { type: 'string', length: 1000, nullable: true },
    infoRequest: { type: 'string', length: 2000, nullable: true },
    infoResponse: { type: 'string', length: 2000, nullable: true },
    purchaseMinor: { type: 'integer', nullable: true },
    purchasedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
