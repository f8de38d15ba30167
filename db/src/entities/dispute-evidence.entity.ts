// What a party (or staff) puts on a dispute's record: a statement and optional files (private
// uploads, readable only by the dispute's buyer, seller and staff).
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { Dispute } from './dispute.entity.js';

export class DisputeEvidence {
  id: string = randomUUID();
  dispute!: Ref<Dispute>;
  authorId!: string;
  party!: 'buyer' | 'seller' | 'staff';
  body!: string;
  files: { uploadId: string; storageKey: string; contentType: string }[] = [];
  createdAt: Date = new Date();
}

export const DisputeEvidenceSchema = new EntitySchema<DisputeEvidence>({
  class: DisputeEvidence,
  tableName: 'dispute_evidence',
  indexes: [{ properties: ['dispute', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    dispute: { kind: 'm:1', entity: () => Dispute, ref: true, deleteRule: 'cascade' },
    authorId: { type: 'uuid' },
    party: { type: 'string', length: 10 },
    body: { type: 'text' },
    files: { type: 'json' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
