// Cached Discogs answers by request key (see integrations/discogs). Expired rows are overwritten
// on the next fetch and swept by `sweep`.
import type { EntityManager } from '@marketdesk/db';
import { db } from './db.js';

export const discogsCacheRepository = {
  async get(em: EntityManager, key: string, now: Date): Promise<unknown | undefined> {
    const row = await db(em).selectFrom('DiscogsCacheEntry').select('body').where('key', '=', key).where('expiresAt', '>', now).executeTakeFirst();
    return row?.body;
  },
  async put(em: EntityManager, key: string, body: unknown, now: Date, ttlMs: number): Promise<void> {
    await db(em)
      .insertInto('DiscogsCacheEntry')
      .values({ key, body, fetchedAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ body: eb.ref('excluded.body'), fetchedAt: eb.ref('excluded.fetchedAt'), expiresAt: eb.ref('excluded.expiresAt') })))
      .execute();
  },
  async sweep(em: EntityManager, now: Date): Promise<number> {
    const { numDeletedRows } = await db(em).deleteFrom('DiscogsCacheEntry').where('expiresAt', '<=', now).executeTakeFirstOrThrow();
    return Number(numDeletedRows);
  },
};
