// The last sequence number handed out per event stream. Incremented with an atomic upsert inside
// the business transaction, so a stream's sequence has no gaps and no duplicates.
import { EntitySchema } from '@mikro-orm/core';

export class StreamSequence {
  stream!: string;
  lastSeq!: number;
}

export const StreamSequenceSchema = new EntitySchema<StreamSequence>({
  class: StreamSequence,
  tableName: 'stream_sequences',
  properties: {
    stream: { type: 'string', length: 120, primary: true },
    lastSeq: { type: 'integer' },
  },
});
