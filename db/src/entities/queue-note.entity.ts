// Internal notes on a queue item (staff only): markdown stored as written, with the staff users it
// @mentions (notified live on their `user:{id}` room).
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';
import { QueueItem } from './queue-item.entity.js';

export class QueueNote {
  id: string = randomUUID();
  item!: Ref<QueueItem>;
  authorId!: string;
  body!: string;
  mentionIds: string[] = [];
  createdAt: Date = new Date();
}

export const QueueNoteSchema = new EntitySchema<QueueNote>({
  class: QueueNote,
  tableName: 'queue_notes',
  indexes: [{ properties: ['item', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    item: { kind: 'm:1', entity: () => QueueItem, ref: true, deleteRule: 'cascade' },
    authorId: { type: 'uuid' },
    body: { type: 'text' },
    mentionIds: { type: 'string[]', columnType: 'uuid[]' },
    createdAt: { type: 'datetime', columnType: 'timestamptz' },
  },
});
