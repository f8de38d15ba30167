// Internal notes on queue items and saved filter presets (both staff-only).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { placeholders, sql, type Row } from './sql.js';

export interface QueueNoteRecord {
  id: string;
  itemId: string;
  authorId: string;
  authorName: string;
  body: string;
  mentionIds: string[];
  createdAt: Date;
}

export interface QueuePresetRecord {
  id: string;
  queue: string;
  ownerId: string;
  ownerName: string;
  name: string;
  shared: boolean;
  filter: Record<string, unknown>;
  sort: Record<string, unknown>;
  updatedAt: Date;
}

const uuidArray = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? v.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : []);
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;

const toNote = (r: Row): QueueNoteRecord => ({
  id: r.id as string,
  itemId: r.item_id as string,
  authorId: r.author_id as string,
  authorName: (r.author_name as string) ?? '',
  body: r.body as string,
  mentionIds: uuidArray(r.mention_ids),
  createdAt: new Date(r.created_at as string),
});

const toPreset = (r: Row): QueuePresetRecord => ({
  id: r.id as string,
  queue: r.queue as string,
  ownerId: r.owner_id as string,
  ownerName: (r.owner_name as string) ?? '',
  name: r.name as string,
  shared: Boolean(r.shared),
  filter: json(r.filter),
  sort: json(r.sort),
  updatedAt: new Date(r.updated_at as string),
});

export const queueNoteRepository = {
  async add(em: EntityManager, n: { itemId: string; authorId: string; body: string; mentionIds: string[]; now: Date }): Promise<string> {
    const id = randomUUID();
    await sql(em, `insert into queue_notes (id, item_id, author_id, body, mention_ids, created_at) values (?, ?, ?, ?, array[${n.mentionIds.length ? placeholders(n.mentionIds) : ''}]::uuid[], ?)`, [id, n.itemId, n.authorId, n.body, ...n.mentionIds, n.now]);
    return id;
  },
  async list(em: EntityManager, itemId: string, limit: number): Promise<QueueNoteRecord[]> {
    const rows = await sql(em, `select n.*, u.display_name as author_name from queue_notes n join users u on u.id = n.author_id where n.item_id = ? order by n.created_at, n.id limit ?`, [itemId, limit]);
    return rows.map(toNote);
  },
};

export const queuePresetRepository = {
  /** Saves under (owner, queue, name): saving again under the same name replaces it. */
  async save(em: EntityManager, p: { queue: string; ownerId: string; name: string; shared: boolean; filter: unknown; sort: unknown; now: Date }): Promise<string> {
    const rows = await sql(
      em,
      `insert into queue_filter_presets (id, queue, owner_id, name, shared, filter, sort, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (owner_id, queue, name) do update set shared = excluded.shared, filter = excluded.filter, sort = excluded.sort, updated_at = excluded.updated_at
       returning id`,
      [randomUUID(), p.queue, p.ownerId, p.name, p.shared, JSON.stringify(p.filter), JSON.stringify(p.sort), p.now, p.now],
    );
    return rows[0]!.id as string;
  },
  /** Mine plus those my colleagues shared. */
  async visible(em: EntityManager, queue: string, userId: string): Promise<QueuePresetRecord[]> {
    const rows = await sql(em, `select p.*, u.display_name as owner_name from queue_filter_presets p join users u on u.id = p.owner_id where p.queue = ? and (p.owner_id = ? or p.shared) order by p.shared, p.name, p.id`, [queue, userId]);
    return rows.map(toPreset);
  },
  async remove(em: EntityManager, id: string, ownerId: string): Promise<boolean> {
    return (await sql(em, `delete from queue_filter_presets where id = ? and owner_id = ? returning id`, [id, ownerId])).length === 1;
  },
};
