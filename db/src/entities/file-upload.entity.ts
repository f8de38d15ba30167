// A private upload (a shipment proof), scanned before it is stored, owned by who uploaded it and
// attached to the record that uses it. Never served from the public /media path.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { User } from './user.entity.js';

export class FileUpload {
  id: string = randomUUID();
  owner!: Ref<User>;
  purpose!: 'shipment_proof' | 'kyc_document' | 'dispute_evidence' | 'chat_attachment';
  storageKey!: string;
  contentType!: string;
  bytes!: number;
  scan!: 'clean' | 'unscanned';
  attachedTo: string | null = null;
  createdAt: Date = new Date();
}

export const FileUploadSchema = new EntitySchema<FileUpload>({
  class: FileUpload,
  tableName: 'file_uploads',
  properties: {
    id: { type: 'uuid', primary: true },
    owner: { kind: 'm:1', entity: () => User, ref: true, deleteRule: 'cascade', index: true },
    purpose: { type: 'string', length: 30 },
    storageKey: { type: 'string', length: 200 },
    contentType: { type: 'string', length: 60 },
    bytes: { type: 'integer' },
    scan: { type: 'string', length: 12 },
    attachedTo: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
