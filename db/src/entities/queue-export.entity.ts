// A CSV export of a filtered queue view, written by a job (streamed, with progress) and downloaded
// by the person who asked for it.
import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

export class QueueExport {
  id: string = randomUUID();
  ownerId!: string;
  queue!: string;
  input: unknown = null;
  state: 'running' | 'ready' | 'failed' = 'running';
  rows = 0;
  storageKey: string | null = null;
  error: string | null = null;
  createdAt: Date = new Date();
  finishedAt: Date | null = null;
}

export const QueueExportSchema = new EntitySchema<QueueExport>({
  class: QueueExport,
  tableName: 'queue_exports',
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid', index: true },
    queue: { type: 'string', length: 20 },
    input: { type: 'json' },
    state: { type: 'string', length: 10 },
    rows: { type: 'integer' },
    storageKey: { type: 'string', length: 200, nullable: true },
    error: { type: 'string', length: 500, nullable: true },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    finishedAt: { type: 'datetime', columnType: 'timestamptz', nullable: true },
  },
});
