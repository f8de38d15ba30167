// Saved queue views: a filter and sort under a name, personal or shared with the whole team.
import { randomUUID } from 'node:crypto';
import { EntitySchema } from '@mikro-orm/core';

export class QueueFilterPreset {
  id: string = randomUUID();
  queue!: string;
  ownerId!: string;
  name!: string;
  shared = false;
  filter: Record<string, unknown> = {};
  sort: Record<string, unknown> = {};
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const QueueFilterPresetSchema = new EntitySchema<QueueFilterPreset>({
  class: QueueFilterPreset,
  tableName: 'queue_filter_presets',
  uniques: [{ properties: ['ownerId', 'queue', 'name'] }],
  indexes: [{ properties: ['queue', 'shared'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    queue: { type: 'string', length: 20 },
    ownerId: { type: 'uuid' },
    name: { type: 'string', length: 60 },
    shared: { type: 'boolean' },
    filter: { type: 'json' },
    sort: { type: 'json' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
    updatedAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
