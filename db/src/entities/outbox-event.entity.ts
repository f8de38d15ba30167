// The transactional outbox (docs/architecture.md rule 3): written in the business transaction,
// published by the relay after commit. `id` is the global order, (stream, seq) the per-stream one.
import { BigIntType, EntitySchema } from '@mikro-orm/core';

export interface OutboxJob {
  /** A job definition id, e.g. `mail.welcome`. */
  name: string;
  data: Record<string, unknown>;
  delayMs?: number;
}

export class OutboxEvent {
  id!: string;
  stream!: string;
  seq!: number;
  name!: string;
  payload!: Record<string, unknown>;
  rooms: string[] = [];
  jobs: OutboxJob[] = [];
  actorId: string | null = null;
  /** The request that wrote the row (id, traceparent), handed on to its jobs and live events. */
  trace: { requestId: string; traceparent?: string } | null = null;
  occurredAt: Date = new Date();
  publishedAt: Date | null = null;
}

export const OutboxEventSchema = new EntitySchema<OutboxEvent>({
  class: OutboxEvent,
  tableName: 'outbox_events',
  uniques: [{ properties: ['stream', 'seq'] }],
  // Declared so schema diffs keep it: the relay scans only unpublished rows.
  indexes: [
    {
      name: 'outbox_events_unpublished_index',
      expression: 'create index "outbox_events_unpublished_index" on "outbox_events" ("id") where "published_at" is null',
    },
  ],
  properties: {
    id: { type: new BigIntType('string'), primary: true, autoincrement: true },
    stream: { type: 'string', length: 120 },
    seq: { type: 'integer' },
    name: { type: 'string', length: 80 },
    payload: { type: 'json' },
    rooms: { type: 'string[]', columnType: 'text[]' },
    jobs: { type: 'json' },
    actorId: { type: 'uuid', nullable: true },
    trace: { type: 'json', nullable: true },
    occurredAt: { type: 'datetime', columnType: 'timestamptz' },
    publishedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
  },
});
