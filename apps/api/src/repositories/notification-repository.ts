// In-app notifications and delivery preferences.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { sql, type Row } from './sql.js';

export interface NotificationRecord {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

const toNotification = (r: Row): NotificationRecord => ({
  id: r.id as string,
  kind: r.kind as string,
  title: r.title as string,
  body: r.body as string,
  link: (r.link as string | null) ?? null,
  readAt: r.read_at ? new Date(r.read_at as string) : null,
  createdAt: new Date(r.created_at as string),
});

export const notificationRepository = {
  /** Inserted once per dedupe key; returns the new id, or null when it already existed. */
  async insertOnce(em: EntityManager, n: { userId: string; kind: string; title: string; body: string; link: string | null; dedupeKey: string; now: Date }): Promise<string | null> {
    const id = randomUUID();
    const rows = await sql(em, `insert into notifications (id, user_id, kind, title, body, link, dedupe_key, created_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedupe_key) do nothing returning id`, [id, n.userId, n.kind, n.title, n.body, n.link, n.dedupeKey, n.now]);
    return rows.length ? id : null;
  },
  async list(em: EntityManager, userId: string, limit: number): Promise<{ items: NotificationRecord[]; unread: number }> {
    const [rows, unread] = await Promise.all([
      sql(em, `select * from notifications where user_id = ? order by created_at desc limit ?`, [userId, limit]),
      sql(em, `select count(*) as n from notifications where user_id = ? and read_at is null`, [userId]),
    ]);
    return { items: rows.map(toNotification), unread: Number(unread[0]?.n ?? 0) };
  },
  async markRead(em: EntityManager, userId: string, ids: string[] | 'all', now: Date): Promise<number> {
    if (ids !== 'all' && ids.length === 0) return 0;
    const rows = ids === 'all'
      ? await sql(em, `update notifications set read_at = ? where user_id = ? and read_at is null returning id`, [now, userId])
      : await sql(em, `update notifications set read_at = ? where user_id = ? and read_at is null and id in (${ids.map(() => '?').join(',')}) returning id`, [now, userId, ...ids]);
    return rows.length;
  },
  async preferences(em: EntityManager, userId: string): Promise<Map<string, { inApp: boolean; email: boolean }>> {
    const rows = await sql(em, `select kind, in_app, email from notification_preferences where user_id = ?`, [userId]);
    return new Map(rows.map((r) => [r.kind as string, { inApp: Boolean(r.in_app), email: Boolean(r.email) }]));
  },
  async setPreference(em: EntityManager, userId: string, kind: string, pref: { inApp: boolean; email: boolean }): Promise<void> {
    await sql(em, `insert into notification_preferences (user_id, kind, in_app, email) values (?, ?, ?, ?) on conflict (user_id, kind) do update set in_app = excluded.in_app, email = excluded.email`, [userId, kind, pref.inApp, pref.email]);
  },
};
