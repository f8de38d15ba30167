// Idempotency-Key storage. `claim` inserts the key inside the caller's transaction: a concurrent
// request with the same key waits on the primary key until the first one commits or rolls back.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { canonicalJson } from '@marketdesk/domain';
import { sql } from './sql.js';

export type Claim = { status: 'new' } | { status: 'replay'; response: unknown } | { status: 'mismatch' } | { status: 'in_progress' };

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export const idempotencyRepository = {
  async claim(em: EntityManager, k: { userId: string; scope: string; key: string; hash: string; now: Date }): Promise<Claim> {
    const inserted = await sql(
      em,
      `insert into idempotency_records (user_id, scope, key, request_hash, created_at) values (?, ?, ?, ?, ?) on conflict do nothing returning key`,
      [k.userId, k.scope, k.key, k.hash, k.now],
    );
    if (inserted.length) return { status: 'new' };
    const [existing] = await sql(em, `select request_hash, response from idempotency_records where user_id = ? and scope = ? and key = ?`, [k.userId, k.scope, k.key]);
    if (!existing) return { status: 'in_progress' };
    if (existing.request_hash !== k.hash) return { status: 'mismatch' };
    return existing.response == null ? { status: 'in_progress' } : { status: 'replay', response: existing.response };
  },
  async complete(em: EntityManager, k: { userId: string; scope: string; key: string }, response: unknown): Promise<void> {
    await sql(em, `update idempotency_records set response = ? where user_id = ? and scope = ? and key = ?`, [JSON.stringify(response), k.userId, k.scope, k.key]);
  },
  async forget(em: EntityManager, k: { userId: string; scope: string; key: string }): Promise<void> {
    await sql(em, `delete from idempotency_records where user_id = ? and scope = ? and key = ?`, [k.userId, k.scope, k.key]);
  },
};
