// Work-queue rows. Claims are single conditional UPDATEs (free, expired, or already mine) so that
// of any number of simultaneous claims exactly one matches the row; every change bumps `version`.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

type QueueItemRow = DB['QueueItem'];

/** A queue row as the services read it: its row, with the names of its seller, holder and last actor. */
export interface QueueItemRecord extends Omit<QueueItemRow, 'waitingOn'> {
  waitingOn: 'staff' | 'seller' | 'buyer' | null;
  sellerName: string | null;
  claimedByName: string | null;
  lastActorName: string | null;
}

/** Queue rows with the display names of the people they mention (the list adds its filters and sort key). */
export const queueItems = (em: EntityManager) =>
  db(em)
    .selectFrom('QueueItem as q')
    .leftJoin('User as s', 's.id', 'q.sellerId')
    .leftJoin('User as c', 'c.id', 'q.claimedBy')
    .leftJoin('User as a', 'a.id', 'q.lastActorId')
    .selectAll('q')
    .select(['s.displayName as sellerName', 'c.displayName as claimedByName', 'a.displayName as lastActorName']);

type QueueItemNamedRow = QueueItemRow & Pick<QueueItemRecord, 'sellerName' | 'claimedByName' | 'lastActorName'>;

/** value_minor is a bigint column, which may come back as a string; the domain counts it as a number. */
export const toQueueItem = ({ waitingOn, valueMinor, ...r }: QueueItemNamedRow): QueueItemRecord => ({ ...r, valueMinor: Number(valueMinor), waitingOn: waitingOn as QueueItemRecord['waitingOn'] });

export interface NewQueueItem {
  queue: string;
  subjectId: string;
  state: string;
  title: string;
  sellerId: string | null;
  valueMinor: number;
  currency: string;
  conditions: string[];
  waitingOn: 'staff' | 'seller' | 'buyer' | null;
  priority: number;
  slaDueAt: Date | null;
  actorId: string | null;
  now: Date;
}

/** Subject-driven changes (a decision, the seller answering); claim fields only when asked. */
export interface QueueItemChanges {
  state?: string;
  valueMinor?: number;
  waitingOn?: 'staff' | 'seller' | 'buyer' | null;
  decidedBy?: string | null;
  decidedAt?: Date | null;
  clearClaim?: boolean;
  priority?: number;
  slaDueAt?: Date | null;
  action: string;
  actorId: string | null;
}

export const queueItemRepository = {
  async insert(em: EntityManager, i: NewQueueItem): Promise<string> {
    const id = randomUUID();
    await db(em)
      .insertInto('QueueItem')
      .values({
        id,
        queue: i.queue,
        subjectId: i.subjectId,
        state: i.state,
        version: 1,
        priority: i.priority,
        title: i.title.slice(0, 300),
        sellerId: i.sellerId,
        valueMinor: i.valueMinor,
        currency: i.currency,
        conditions: i.conditions,
        waitingOn: i.waitingOn,
        lastActivityAt: i.now,
        slaDueAt: i.slaDueAt,
        lastAction: 'created',
        lastActorId: i.actorId,
        lastActionAt: i.now,
        createdAt: i.now,
        updatedAt: i.now,
      })
      .execute();
    return id;
  },

  /** With `forUpdate`, the queue row stays locked until the caller's transaction ends (the people it names are not locked). */
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<QueueItemRecord | null> {
    const query = queueItems(em).where('q.id', '=', id);
    const row = await (opts.forUpdate ? query.forUpdate(['q']) : query).executeTakeFirst();
    return row ? toQueueItem(row) : null;
  },

  async findBySubject(em: EntityManager, queue: string, subjectId: string, opts: { forUpdate?: boolean } = {}): Promise<QueueItemRecord | null> {
    const query = queueItems(em).where('q.queue', '=', queue).where('q.subjectId', '=', subjectId);
    const row = await (opts.forUpdate ? query.forUpdate(['q']) : query).executeTakeFirst();
    return row ? toQueueItem(row) : null;
  },

  async findMany(em: EntityManager, ids: string[]): Promise<QueueItemRecord[]> {
    if (ids.length === 0) return [];
    return (await queueItems(em).where('q.id', 'in', ids).execute()).map(toQueueItem);
  },

  /**
   * The claim itself: one statement that matches only while the item is open and free (or its
   * lease ran out, or the caller already holds it). Concurrent claims queue on the row lock and
   * re-check the condition after the winner commits, so exactly one of them updates the row.
   */
  async claim(em: EntityManager, c: { id: string; userId: string; openStates: readonly string[]; expiresAt: Date; now: Date; action?: string; actorId?: string }): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('QueueItem')
      .set((eb) => ({
        claimedAt: eb
          .case()
          .when(eb.and([eb('claimedBy', '=', c.userId), eb('claimExpiresAt', '>', c.now)]))
          .then(eb.ref('claimedAt'))
          .else(c.now)
          .end(),
        claimedBy: c.userId,
        claimExpiresAt: c.expiresAt,
        lastActivityAt: c.now,
        version: eb('version', '+', 1),
        updatedAt: c.now,
        lastAction: c.action ?? 'claimed',
        lastActorId: c.actorId ?? c.userId,
        lastActionAt: c.now,
      }))
      .where('id', '=', c.id)
      .where('state', 'in', c.openStates)
      .where((eb) => eb.or([eb('claimedBy', 'is', null), eb('claimExpiresAt', 'is', null), eb('claimExpiresAt', '<=', c.now), eb('claimedBy', '=', c.userId)]))
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },

  /** Gives up a live claim held by `holderId`. */
  async release(em: EntityManager, r: { id: string; holderId: string; actorId: string; now: Date }): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('QueueItem')
      .set((eb) => ({ claimedBy: null, claimedAt: null, claimExpiresAt: null, version: eb('version', '+', 1), updatedAt: r.now, lastAction: 'released', lastActorId: r.actorId, lastActionAt: r.now }))
      .where('id', '=', r.id)
      .where('claimedBy', '=', r.holderId)
      .where('claimExpiresAt', '>', r.now)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },

  /** Hands the item to someone else whatever its claim (a lead's decision); conditional on the version the lead saw. */
  async reassign(em: EntityManager, r: { id: string; version: number; toUserId: string; actorId: string; expiresAt: Date; now: Date }): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('QueueItem')
      .set((eb) => ({
        claimedBy: r.toUserId,
        claimedAt: r.now,
        claimExpiresAt: r.expiresAt,
        lastActivityAt: r.now,
        version: eb('version', '+', 1),
        updatedAt: r.now,
        lastAction: 'reassigned',
        lastActorId: r.actorId,
        lastActionAt: r.now,
      }))
      .where('id', '=', r.id)
      .where('version', '=', r.version)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },

  /** Activity by the holder pushes the lease forward; not a change others need to see (no version bump). */
  async touch(em: EntityManager, t: { id: string; holderId: string; expiresAt: Date; now: Date }): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('QueueItem')
      .set({ lastActivityAt: t.now, claimExpiresAt: t.expiresAt })
      .where('id', '=', t.id)
      .where('claimedBy', '=', t.holderId)
      .where('claimExpiresAt', '>', t.now)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },

  /** The claim timer: frees the item only if that same claim is still there and its lease is over; answers who held it. */
  async expireClaim(em: EntityManager, e: { id: string; claimedAt: Date; now: Date }): Promise<string | null> {
    const row = await db(em)
      .updateTable('QueueItem as q')
      .set((eb) => ({ claimedBy: null, claimedAt: null, claimExpiresAt: null, version: eb('q.version', '+', 1), updatedAt: e.now, lastAction: 'claim_expired', lastActorId: null, lastActionAt: e.now }))
      // The row as it was before this update (RETURNING sees the new one): locked and read in the same statement.
      .from((eb) => eb.selectFrom('QueueItem').select(['id', 'claimedBy']).where('id', '=', e.id).forUpdate().as('old'))
      .whereRef('q.id', '=', 'old.id')
      .where('q.claimedBy', 'is not', null)
      .where('q.claimedAt', '=', e.claimedAt)
      .where('q.claimExpiresAt', '<=', e.now)
      .returning('old.claimedBy as previous')
      .executeTakeFirst();
    return row?.previous ?? null;
  },

  /** Applies a subject change if the version still matches; false when someone else changed it first. */
  async applyChange(em: EntityManager, id: string, expectedVersion: number, c: QueueItemChanges, now: Date): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('QueueItem')
      .set((eb) => ({
        state: c.state,
        valueMinor: c.valueMinor,
        waitingOn: c.waitingOn,
        decidedBy: c.decidedBy,
        decidedAt: c.decidedAt,
        priority: c.priority,
        slaDueAt: c.slaDueAt,
        ...(c.clearClaim ? { claimedBy: null, claimedAt: null, claimExpiresAt: null } : {}),
        lastAction: c.action,
        lastActorId: c.actorId,
        lastActionAt: now,
        updatedAt: now,
        ...(c.actorId ? { lastActivityAt: now } : {}),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },

  /** Live claims per person in a queue (for auto-assignment capacity). */
  async holding(em: EntityManager, queue: string, userIds: string[], now: Date): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await db(em)
      .selectFrom('QueueItem')
      .select((eb) => ['claimedBy', eb.fn.countAll<string | number>().as('n')])
      .where('queue', '=', queue)
      .where('claimExpiresAt', '>', now)
      .where('claimedBy', 'in', userIds)
      .groupBy('claimedBy')
      .$narrowType<{ claimedBy: string }>()
      .execute();
    return new Map(rows.map((r) => [r.claimedBy, Number(r.n)]));
  },

  /** Unclaimed open items, oldest first (auto-assignment candidates). */
  async oldestFree(em: EntityManager, queue: string, openStates: readonly string[], limit: number, now: Date): Promise<QueueItemRecord[]> {
    const rows = await queueItems(em)
      .where('q.queue', '=', queue)
      .where('q.state', 'in', openStates)
      .where('q.waitingOn', 'is distinct from', 'seller')
      .where((eb) => eb.or([eb('q.claimedBy', 'is', null), eb('q.claimExpiresAt', '<=', now)]))
      .orderBy('q.createdAt')
      .orderBy('q.id')
      .limit(limit)
      .execute();
    return rows.map(toQueueItem);
  },

  /** People holding any of the staff roles (agent, admin, and custom roles marked staff), for @mentions and auto-assignment. */
  async staff(em: EntityManager, staffRoles: readonly string[] = ['agent', 'admin']): Promise<{ id: string; displayName: string; roles: string[] }[]> {
    return db(em).selectFrom('User').select(['id', 'displayName', 'roles']).where((eb) => eb('roles', '&&', eb.val([...staffRoles]))).orderBy('displayName').orderBy('id').execute();
  },

  /**
   * The audit trail of an item: its own events and its subject's, newest first. Rows keep the
   * table's column names (the queue view maps them), so the time is text, as an alias reads.
   */
  async history(em: EntityManager, streams: string[], limit: number): Promise<Record<string, unknown>[]> {
    return db(em)
      .selectFrom('OutboxEvent')
      .select(['id', 'stream', 'seq', 'name', 'actorId as actor_id', 'occurredAt as occurred_at', 'payload'])
      .where('stream', 'in', streams)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
};
