// One row per thing waiting for staff in a work queue (a submission, a listing to review, a KYC
// case, a payout…): the subject's state mirrored for filtering, and the claim — a lease held by
// one person until `claimExpiresAt`, taken with one conditional UPDATE so two people never hold it.
import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

export class QueueItem {
  id: string = randomUUID();
  queue!: string;
  subjectId!: string;
  state!: string;
  /** Bumped by every change (claim, decision, note-free activity excluded); decisions carry it. */
  version = 1;
  priority = 0;
  title = '';
  sellerId: string | null = null;
  valueMinor = 0;
  currency = 'EUR';
  conditions: string[] = [];
  /** `seller` while the subject waits on the seller (quoted, info requested); else `staff`. */
  waitingOn: string | null = 'staff';
  claimedBy: string | null = null;
  claimedAt: Date | null = null;
  claimExpiresAt: Date | null = null;
  lastActivityAt: Date = new Date();
  decidedBy: string | null = null;
  decidedAt: Date | null = null;
  slaDueAt: Date | null = null;
  lastAction: string | null = null;
  lastActorId: string | null = null;
  lastActionAt: Date | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const QueueItemSchema = new EntitySchema<QueueItem>({
  class: QueueItem,
  tableName: 'queue_items',
  uniques: [{ properties: ['queue', 'subjectId'] }],
  indexes: [
    { properties: ['queue', 'state', 'createdAt'] },
    { properties: ['queue', 'claimedBy'] },
    { properties: ['queue', 'sellerId'] },
    { properties: ['queue', 'valueMinor'] },
    { properties: ['queue', 'slaDueAt'] },
    { properties: ['queue', 'lastActivityAt'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    queue: { type: 'string', length: 20 },
    subjectId: { type: 'uuid' },
    state: { type: 'string', length: 30 },
    version: { type: 'integer' },
    priority: { type: 'integer' },
    title: { type: 'string', length: 300 },
    sellerId: { type: 'uuid', nullable: true },
    valueMinor: { type: 'bigint', columnType: 'bigint', defaultRaw: '0' },
    currency: { type: 'string', length: 3 },
    conditions: { type: 'string[]', columnType: 'text[]' },
    waitingOn: { type: 'string', length: 10, nullable: true },
    claimedBy: { type: 'uuid', nullable: true },
    claimedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    claimExpiresAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    lastActivityAt: { type: 'datetime', columnType: 'timestamptz' },
    decidedBy: { type: 'uuid', nullable: true },
    decidedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    slaDueAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    lastAction: { type: 'string', length: 30, nullable: true },
    lastActorId: { type: 'uuid', nullable: true },
    lastActionAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
