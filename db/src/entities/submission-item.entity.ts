// One record in a submission: what the seller says it is, what we offer for it (indicative, then
// the firm offer and any counter) and, once accepted, the listing it became.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Submission } from './submission.entity.js';

export class SubmissionItem {
  id: string = randomUUID();
  submission!: Ref<Submission>;
  position = 0;
  artist!: string;
  title!: string;
  format!: string;
  grade!: string;
  askingMinor!: number;
  /** The Near Mint reference the quote used, and where it came from (`market` or `asking`). */
  referenceMinor!: number;
  referenceSource = 'asking';
  indicativeOfferMinor = 0;
  offerMinor = 0;
  counterMinor: number | null = null;
  sellPriceMinor = 0;
  declined = false;
  imageIds: string[] = [];
  listingId: string | null = null;
  createdAt: Date = new Date();
}

export const SubmissionItemSchema = new EntitySchema<SubmissionItem>({
  class: SubmissionItem,
  tableName: 'submission_items',
  indexes: [{ properties: ['submission', 'position'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    submission: { kind: 'm:1', entity: () => Submission, ref: true, deleteRule: 'cascade' },
    position: { type: 'integer' },
    artist: { type: 'string', length: 200 },
    title: { type: 'string', length: 200 },
    format: { type: 'string', length: 20 },
    grade: { type: 'string', length: 4 },
    askingMinor: { type: 'integer' },
    referenceMinor: { type: 'integer' },
    referenceSource: { type: 'string', length: 10 },
    indicativeOfferMinor: { type: 'integer' },
    offerMinor: { type: 'integer' },
    counterMinor: { type: 'integer', nullable: true },
    sellPriceMinor: { type: 'integer' },
    declined: { type: 'boolean' },
    imageIds: { type: 'string[]', columnType: 'uuid[]' },
    listingId: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
