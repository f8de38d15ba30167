// Canned replies for support agents (edited by admins).
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

/** A live reply as agents and admins read it. */
export type CannedReplyRecord = Pick<DB['ChatCannedReply'], 'id' | 'title' | 'body' | 'version' | 'updatedAt'>;

const liveReplies = (em: EntityManager) => db(em).selectFrom('ChatCannedReply').select(['id', 'title', 'body', 'version', 'updatedAt']).where('archivedAt', 'is', null);

export const chatCannedReplyRepository = {
  async list(em: EntityManager): Promise<CannedReplyRecord[]> {
    return liveReplies(em).orderBy('title').execute();
  },
  async find(em: EntityManager, id: string): Promise<CannedReplyRecord | null> {
    return (await liveReplies(em).where('id', '=', id).executeTakeFirst()) ?? null;
  },
  async insert(em: EntityManager, r: { id: string; title: string; body: string; by: string; now: Date }): Promise<void> {
    await db(em).insertInto('ChatCannedReply').values({ id: r.id, title: r.title, body: r.body, version: 1, updatedBy: r.by, createdAt: r.now, updatedAt: r.now }).execute();
  },
  /** Compare-and-set on version: false when someone else saved it first (or it is gone). */
  async update(em: EntityManager, r: { id: string; version: number; title: string; body: string; by: string; now: Date }): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('ChatCannedReply')
      .set((eb) => ({ title: r.title, body: r.body, version: eb('version', '+', 1), updatedBy: r.by, updatedAt: r.now }))
      .where('id', '=', r.id)
      .where('version', '=', r.version)
      .where('archivedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },
  async archive(em: EntityManager, id: string, by: string, now: Date): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('ChatCannedReply')
      .set((eb) => ({ archivedAt: now, updatedBy: by, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('archivedAt', 'is', null)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },
};
