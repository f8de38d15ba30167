// Queue CSV exports: one row per request, holding the filtered view asked for, progress, and where
// the finished file is stored.
import type { QueueListInput } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

export type QueueExportInput = Omit<QueueListInput, 'cursor' | 'limit'>;

type QueueExportRow = DB['QueueExport'];

/** An export as the services read it: its row, the input in the shape it was asked with. */
export interface QueueExportRecord extends Omit<QueueExportRow, 'input'> {
  input: QueueExportInput;
}

/** queue_exports.error is varchar(500). */
const errorMaxLength = 500;

export const queueExportRepository = {
  async insertRunning(em: EntityManager, e: { id: string; ownerId: string; input: QueueExportInput; now: Date }): Promise<void> {
    await db(em).insertInto('QueueExport').values({ id: e.id, ownerId: e.ownerId, queue: e.input.queue, input: e.input, state: 'running', rows: 0, createdAt: e.now }).execute();
  },
  async findById(em: EntityManager, id: string): Promise<QueueExportRecord | null> {
    const row = await db(em).selectFrom('QueueExport').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { ...row, input: row.input as QueueExportInput } : null;
  },
  async setRows(em: EntityManager, id: string, rows: number): Promise<void> {
    await db(em).updateTable('QueueExport').set({ rows }).where('id', '=', id).execute();
  },
  async markReady(em: EntityManager, id: string, done: { rows: number; storageKey: string; at: Date }): Promise<void> {
    await db(em).updateTable('QueueExport').set({ state: 'ready', rows: done.rows, storageKey: done.storageKey, finishedAt: done.at }).where('id', '=', id).execute();
  },
  async markFailed(em: EntityManager, id: string, error: string, at: Date): Promise<void> {
    await db(em).updateTable('QueueExport').set({ state: 'failed', error: error.slice(0, errorMaxLength), finishedAt: at }).where('id', '=', id).execute();
  },
};
