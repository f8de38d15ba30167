// Idempotency-Key storage. `claim` inserts the key inside the caller's transaction: a concurrent
// request with the same key waits on the primary key until the first one commits or rolls back.
import { createHash } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { canonicalJson } from '@marketdesk/domain';
import { db } from './db.js';

export type Claim = { status: 'new' } | { status: 'replay'; response: unknown } | { status: 'mismatch' } | { status: 'in_progress' };

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export const idempotencyRepository = {
  async claim(em: EntityManager, k: { userId: string; scope: string; key: string; hash: string; now: Date }): Promise<Claim> {
    const inserted = await db(em)
      .insertInto('IdempotencyRecord')
      .values({ userId: k.userId, scope: k.scope, key: k.key, requestHash: k.hash, response: null, createdAt: k.now })
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { status: 'new' };
    const existing = await db(em)
      .selectFrom('IdempotencyRecord')
      .select(['requestHash', 'response'])
      .where('userId', '=', k.userId)
      .where('scope', '=', k.scope)
      .where('key', '=', k.key)
      .executeTakeFirst();
    if (!existing) return { status: 'in_progress' };
    if (existing.requestHash !== k.hash) return { status: 'mismatch' };
    return existing.response == null ? { status: 'in_progress' } : { status: 'replay', response: existing.response };
  },
  async complete(em: EntityManager, k: { userId: string; scope: string; key: string }, response: unknown): Promise<void> {
    await db(em).updateTable('IdempotencyRecord').set({ response }).where('userId', '=', k.userId).where('scope', '=', k.scope).where('key', '=', k.key).execute();
  },
  async forget(em: EntityManager, k: { userId: string; scope: string; key: string }): Promise<void> {
    await db(em).deleteFrom('IdempotencyRecord').where('userId', '=', k.userId).where('scope', '=', k.scope).where('key', '=', k.key).execute();
  },
};
