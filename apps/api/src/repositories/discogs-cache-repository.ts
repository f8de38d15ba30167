// Cached Discogs answers by request key (see integrations/discogs). Expired rows are overwritten
// on the next fetch and swept by `sweep`.
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export const discogsCacheRepository = {
  async get(em: EntityManager, key: string, now: Date): Promise<unknown | undefined> {
    const [row] = await sql(em, `select body from discogs_cache where key = ? and expires_at > ?`, [key, now]);
    if (!row) return undefined;
    return typeof row.body === 'string' ? JSON.parse(row.body) : row.body;
  },
  async put(em: EntityManager, key: string, body: unknown, now: Date, ttlMs: number): Promise<void> {
    await sql(em, `insert into discogs_cache (key, body, fetched_at, expires_at) values (?, ?::jsonb, ?, ?) on conflict (key) do update set body = excluded.body, fetched_at = excluded.fetched_at, expires_at = excluded.expires_at`, [key, JSON.stringify(body), now, new Date(now.getTime() + ttlMs)]);
  },
  async sweep(em: EntityManager, now: Date): Promise<number> {
    return (await sql(em, `delete from discogs_cache where expires_at <= ? returning key`, [now])).length;
  },
};
