// Responses from the Discogs API, cached in PostgreSQL by request (search, release, price data) so
// repeated look-ups cost no rate limit and survive restarts. `expiresAt` is per kind of request.
import { EntitySchema } from '@mikro-orm/core';

export class DiscogsCacheEntry {
  key!: string;
  body!: unknown;
  fetchedAt!: Date;
  expiresAt!: Date;
}

export const DiscogsCacheEntrySchema = new EntitySchema<DiscogsCacheEntry>({
  class: DiscogsCacheEntry,
  tableName: 'discogs_cache',
  properties: {
    key: { type: 'string', length: 300, primary: true },
    body: { type: 'json' },
    fetchedAt: { type: 'datetime', columnType: 'timestamptz' },
    expiresAt: { type: 'datetime', columnType: 'timestamptz', index: true },
  },
});
