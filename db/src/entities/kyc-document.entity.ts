// A document attached to a KYC check (identity document, proof of address, business registration):
// a private upload, readable only by its seller and by KYC reviewers.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { KycCheck } from './kyc-check.entity.js';

export class KycDocument {
  id: string = randomUUID();
  check!: Ref<KycCheck>;
  kind!: 'identity' | 'proof_of_address' | 'business_registration';
  uploadId!: string;
  storageKey!: string;
  contentType!: string;
  createdAt: Date = new Date();
}

export const KycDocumentSchema = new EntitySchema<KycDocument>({
  class: KycDocument,
  tableName: 'kyc_documents',
  indexes: [{ properties: ['check'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    check: { kind: 'm:1', entity: () => KycCheck, ref: true, deleteRule: 'cascade' },
    kind: { type: 'string', length: 30 },
    uploadId: { type: 'uuid', unique: true },
    storageKey: { type: 'string', length: 200 },
    contentType: { type: 'string', length: 60 },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
