// In-app notifications and delivery preferences.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

/** A notification as its recipient reads it. */
export type NotificationRecord = Pick<DB['Notification'], 'id' | 'kind' | 'title' | 'body' | 'link' | 'readAt' | 'createdAt'>;

export const notificationRepository = {
  /** Inserted once per dedupe key; returns the new id, or null when it already existed. */
  async insertOnce(em: EntityManager, n: { userId: string; kind: string; title: string; body: string; link: string | null; dedupeKey: string; now: Date }): Promise<string | null> {
    const row = await db(em)
      .insertInto('Notification')
      .values({ id: randomUUID(), user: n.userId, kind: n.kind, title: n.title, body: n.body, link: n.link, dedupeKey: n.dedupeKey, createdAt: n.now })
      .onConflict((oc) => oc.column('dedupeKey').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  },
  async list(em: EntityManager, userId: string, limit: number): Promise<{ items: NotificationRecord[]; unread: number }> {
    const [items, unread] = await Promise.all([
      db(em).selectFrom('Notification').select(['id', 'kind', 'title', 'body', 'link', 'readAt', 'createdAt']).where('user', '=', userId).orderBy('createdAt', 'desc').limit(limit).execute(),
      db(em)
        .selectFrom('Notification')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('user', '=', userId)
        .where('readAt', 'is', null)
        .executeTakeFirstOrThrow(),
    ]);
    return { items, unread: Number(unread.n) };
  },
  async markRead(em: EntityManager, userId: string, ids: string[] | 'all', now: Date): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0;
    const unread = db(em).updateTable('Notification').set({ readAt: now }).where('user', '=', userId).where('readAt', 'is', null);
    const { numUpdatedRows } = await (ids === 'all' ? unread : unread.where('id', 'in', ids)).executeTakeFirstOrThrow();
    return Number(numUpdatedRows);
  },
  async preferences(em: EntityManager, userId: string): Promise<Map<string, { inApp: boolean; email: boolean }>> {
    const rows = await db(em).selectFrom('NotificationPreference').select(['kind', 'inApp', 'email']).where('user', '=', userId).execute();
    return new Map(rows.map(({ kind, ...pref }) => [kind, pref]));
  },
  async setPreference(em: EntityManager, userId: string, kind: string, pref: { inApp: boolean; email: boolean }): Promise<void> {
    await db(em)
      .insertInto('NotificationPreference')
      .values({ user: userId, kind, inApp: pref.inApp, email: pref.email })
      .onConflict((oc) => oc.columns(['user', 'kind']).doUpdateSet((eb) => ({ inApp: eb.ref('excluded.inApp'), email: eb.ref('excluded.email') })))
      .execute();
  },
};
