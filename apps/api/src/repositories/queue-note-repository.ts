// Internal notes on queue items and saved filter presets (both staff-only).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

type QueueNoteRow = DB['QueueNote'];
type QueuePresetRow = DB['QueueFilterPreset'];

/** A note as the services read it: its row, with the item by id and the author's display name. */
export interface QueueNoteRecord extends Omit<QueueNoteRow, 'item'> {
  itemId: string;
  authorName: string;
}

/** A preset as the services read it: its row, with the owner's display name. */
export interface QueuePresetRecord extends Omit<QueuePresetRow, 'createdAt'> {
  ownerName: string;
}

export const queueNoteRepository = {
  async add(em: EntityManager, n: { itemId: string; authorId: string; body: string; mentionIds: string[]; now: Date }): Promise<string> {
    const id = randomUUID();
    await db(em).insertInto('QueueNote').values({ id, item: n.itemId, authorId: n.authorId, body: n.body, mentionIds: n.mentionIds, createdAt: n.now }).execute();
    return id;
  },
  async list(em: EntityManager, itemId: string, limit: number): Promise<QueueNoteRecord[]> {
    const rows = await db(em)
      .selectFrom('QueueNote as n')
      .innerJoin('User as u', 'u.id', 'n.authorId')
      .selectAll('n')
      .select('u.displayName as authorName')
      .where('n.item', '=', itemId)
      .orderBy('n.createdAt')
      .orderBy('n.id')
      .limit(limit)
      .execute();
    return rows.map(({ item, ...n }) => ({ ...n, itemId: item }));
  },
};

export const queuePresetRepository = {
  /** Saves under (owner, queue, name): saving again under the same name replaces it. */
  async save(em: EntityManager, p: { queue: string; ownerId: string; name: string; shared: boolean; filter: Record<string, unknown>; sort: Record<string, unknown>; now: Date }): Promise<string> {
    const row = await db(em)
      .insertInto('QueueFilterPreset')
      .values({ id: randomUUID(), queue: p.queue, ownerId: p.ownerId, name: p.name, shared: p.shared, filter: p.filter, sort: p.sort, createdAt: p.now, updatedAt: p.now })
      .onConflict((oc) =>
        oc.columns(['ownerId', 'queue', 'name']).doUpdateSet((eb) => ({ shared: eb.ref('excluded.shared'), filter: eb.ref('excluded.filter'), sort: eb.ref('excluded.sort'), updatedAt: eb.ref('excluded.updatedAt') })),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  /** Mine plus those my colleagues shared. */
  async visible(em: EntityManager, queue: string, userId: string): Promise<QueuePresetRecord[]> {
    return db(em)
      .selectFrom('QueueFilterPreset as p')
      .innerJoin('User as u', 'u.id', 'p.ownerId')
      .select(['p.id', 'p.queue', 'p.ownerId', 'p.name', 'p.shared', 'p.filter', 'p.sort', 'p.updatedAt', 'u.displayName as ownerName'])
      .where('p.queue', '=', queue)
      .where((eb) => eb.or([eb('p.ownerId', '=', userId), eb('p.shared', '=', true)]))
      .orderBy('p.shared')
      .orderBy('p.name')
      .orderBy('p.id')
      .execute();
  },
  async remove(em: EntityManager, id: string, ownerId: string): Promise<boolean> {
    const { numDeletedRows } = await db(em).deleteFrom('QueueFilterPreset').where('id', '=', id).where('ownerId', '=', ownerId).executeTakeFirstOrThrow();
    return numDeletedRows === 1n;
  },
};
