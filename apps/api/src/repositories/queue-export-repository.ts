// Queue CSV exports: one row per request, holding the filtered view asked for, progress, and where
// the finished file is stored.
import type { QueueListInput } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export type QueueExportInput = Omit<QueueListInput, 'cursor' | 'limit'>;

export interface QueueExportRecord {
  id: string;
  ownerId: string;
  queue: string;
  input: QueueExportInput;
  state: 'running' | 'ready' | 'failed';
  rows: number;
  storageKey: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** queue_exports.error is varchar(500). */
const errorMaxLength = 500;

export const queueExportRepository = {
  async insertRunning(em: EntityManager, e: { id: string; ownerId: string; input: QueueExportInput; now: Date }): Promise<void> {
    await sql(em, `insert into queue_exports (id, owner_id, queue, input, state, rows, created_at) values (?, ?, ?, ?, 'running', 0, ?)`, [e.id, e.ownerId, e.input.queue, JSON.stringify(e.input), e.now]);
  },
  async findById(em: EntityManager, id: string): Promise<QueueExportRecord | null> {
    const [r] = await sql(em, `select id, owner_id, queue, input, state, rows, storage_key, error, created_at, finished_at from queue_exports where id = ?`, [id]);
    if (!r) return null;
    return {
      id: r.id as string,
      ownerId: r.owner_id as string,
      queue: r.queue as string,
      input: (typeof r.input === 'string' ? JSON.parse(r.input) : r.input) as QueueExportInput,
      state: r.state as QueueExportRecord['state'],
      rows: Number(r.rows),
      storageKey: (r.storage_key as string | null) ?? null,
      error: (r.error as string | null) ?? null,
      createdAt: new Date(r.created_at as string),
      finishedAt: r.finished_at ? new Date(r.finished_at as string) : null,
    };
  },
  async setRows(em: EntityManager, id: string, rows: number): Promise<void> {
    await sql(em, `update queue_exports set rows = ? where id = ?`, [rows, id]);
  },
  async markReady(em: EntityManager, id: string, done: { rows: number; storageKey: string; at: Date }): Promise<void> {
    await sql(em, `update queue_exports set state = 'ready', rows = ?, storage_key = ?, finished_at = ? where id = ?`, [done.rows, done.storageKey, done.at, id]);
  },
  async markFailed(em: EntityManager, id: string, error: string, at: Date): Promise<void> {
    await sql(em, `update queue_exports set state = 'failed', error = ?, finished_at = ? where id = ?`, [error.slice(0, errorMaxLength), at, id]);
  },
};
