// Idempotency-Key records: (user, scope, key) → the request's hash and the stored response. The
// same key with the same body replays the response; with a different body it is a conflict.
import { EntitySchema } from '@mikro-orm/core';

export class IdempotencyRecord {
  userId!: string;
  scope!: string;
  key!: string;
  requestHash!: string;
  response: unknown = null;
  createdAt: Date = new Date();
}

export const IdempotencyRecordSchema = new EntitySchema<IdempotencyRecord>({
  class: IdempotencyRecord,
  tableName: 'idempotency_records',
  properties: {
    userId: { type: 'uuid', primary: true },
    scope: { type: 'string', length: 60, primary: true },
    key: { type: 'string', length: 200, primary: true },
    requestHash: { type: 'string', length: 64 },
    response: { type: 'json', nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz', index: true },
  },
});
