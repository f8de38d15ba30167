// The audit log: an append-only record of every staff action, every money movement and every domain
// event a person caused. A trigger (see its migration) refuses UPDATE, DELETE and TRUNCATE, so not
// even a bug in the API can rewrite history. `id` is the global order (keyset paging by at, id).
import { BigIntType, EntitySchema } from '@mikro-orm/core';

export class AuditLogEntry {
  id!: string;
  at: Date = new Date();
  /** Null for the system (jobs, timers, webhooks). */
  actorId: string | null = null;
  actorRoles: string[] = [];
  /** e.g. `trpc.orders.cancel`, `ledger.transfer`, `order.shipped`, `pii.revealed`. */
  action!: string;
  objectType: string | null = null;
  objectId: string | null = null;
  /** `ok`, or the error code a refused call ended with. */
  outcome: string = 'ok';
  before: Record<string, unknown> | null = null;
  after: Record<string, unknown> | null = null;
  requestId: string | null = null;
  ip: string | null = null;
  userAgent: string | null = null;
}

export const AuditLogEntrySchema = new EntitySchema<AuditLogEntry>({
  class: AuditLogEntry,
  tableName: 'audit_log',
  indexes: [
    { properties: ['at', 'id'] },
    { properties: ['actorId', 'at'] },
    { properties: ['objectType', 'objectId', 'at'] },
    { properties: ['action', 'at'] },
  ],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    at: { type: 'datetime', columnType: 'timestamptz' },
    actorId: { type: 'uuid', nullable: true },
    actorRoles: { type: 'string[]', columnType: 'text[]' },
    action: { type: 'string', length: 120 },
    objectType: { type: 'string', length: 40, nullable: true },
    objectId: { type: 'string', length: 120, nullable: true },
    outcome: { type: 'string', length: 40 },
    before: { type: 'json', nullable: true },
    after: { type: 'json', nullable: true },
    requestId: { type: 'string', length: 120, nullable: true },
    ip: { type: 'string', length: 64, nullable: true },
    userAgent: { type: 'string', length: 400, nullable: true },
  },
});
