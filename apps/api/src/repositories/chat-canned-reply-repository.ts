// Canned replies for support agents (edited by admins).
import type { EntityManager } from '@marketdesk/db';
import { sql, type Row } from './sql.js';

export interface CannedReplyRecord {
  id: string;
  title: string;
  body: string;
  version: number;
  updatedAt: Date;
}

const toReply = (r: Row): CannedReplyRecord => ({ id: r.id as string, title: r.title as string, body: r.body as string, version: Number(r.version), updatedAt: new Date(r.updated_at as string) });

export const chatCannedReplyRepository = {
  async list(em: EntityManager): Promise<CannedReplyRecord[]> {
    return (await sql(em, `select * from chat_canned_replies where archived_at is null order by title`)).map(toReply);
  },
  async find(em: EntityManager, id: string): Promise<CannedReplyRecord | null> {
    const rows = await sql(em, `select * from chat_canned_replies where id = ? and archived_at is null`, [id]);
    return rows[0] ? toReply(rows[0]) : null;
  },
  async insert(em: EntityManager, r: { id: string; title: string; body: string; by: string; now: Date }): Promise<void> {
    await sql(em, `insert into chat_canned_replies (id, title, body, version, updated_by, created_at, updated_at) values (?, ?, ?, 1, ?, ?, ?)`, [r.id, r.title, r.body, r.by, r.now, r.now]);
  },
  /** Compare-and-set on version: false when someone else saved it first (or it is gone). */
  async update(em: EntityManager, r: { id: string; version: number; title: string; body: string; by: string; now: Date }): Promise<boolean> {
    const rows = await sql(em, `update chat_canned_replies set title = ?, body = ?, version = version + 1, updated_by = ?, updated_at = ? where id = ? and version = ? and archived_at is null returning id`, [r.title, r.body, r.by, r.now, r.id, r.version]);
    return rows.length === 1;
  },
  async archive(em: EntityManager, id: string, by: string, now: Date): Promise<boolean> {
    const rows = await sql(em, `update chat_canned_replies set archived_at = ?, updated_by = ?, version = version + 1 where id = ? and archived_at is null returning id`, [now, by, id]);
    return rows.length === 1;
  },
};
