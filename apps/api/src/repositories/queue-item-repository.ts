// Work-queue rows. Claims are single conditional UPDATEs (free, expired, or already mine) so that
// of any number of simultaneous claims exactly one matches the row; every change bumps `version`.
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@marketdesk/db';
import { placeholders, sql, type Row } from './sql.js';

export interface QueueItemRecord {
  id: string;
  queue: string;
  subjectId: string;
  state: string;
  version: number;
  priority: number;
  title: string;
  sellerId: string | null;
  sellerName: string | null;
  valueMinor: number;
  currency: string;
  conditions: string[];
  waitingOn: 'staff' | 'seller' | 'buyer' | null;
  claimedBy: string | null;
  claimedByName: string | null;
  claimedAt: Date | null;
  claimExpiresAt: Date | null;
  lastActivityAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  slaDueAt: Date | null;
  lastAction: string | null;
  lastActorId: string | null;
  lastActorName: string | null;
  lastActionAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));
const textArray = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? v.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : []);

export function toQueueItem(r: Row): QueueItemRecord {
  return {
    id: r.id as string,
    queue: r.queue as string,
    subjectId: r.subject_id as string,
    state: r.state as string,
    version: Number(r.version),
    priority: Number(r.priority),
    title: r.title as string,
    sellerId: (r.seller_id as string | null) ?? null,
    sellerName: (r.seller_name as string | null) ?? null,
    valueMinor: Number(r.value_minor),
    currency: r.currency as string,
    conditions: textArray(r.conditions),
    waitingOn: (r.waiting_on as 'staff' | 'seller' | 'buyer' | null) ?? null,
    claimedBy: (r.claimed_by as string | null) ?? null,
    claimedByName: (r.claimed_by_name as string | null) ?? null,
    claimedAt: date(r.claimed_at),
    claimExpiresAt: date(r.claim_expires_at),
    lastActivityAt: date(r.last_activity_at)!,
    decidedBy: (r.decided_by as string | null) ?? null,
    decidedAt: date(r.decided_at),
    slaDueAt: date(r.sla_due_at),
    lastAction: (r.last_action as string | null) ?? null,
    lastActorId: (r.last_actor_id as string | null) ?? null,
    lastActorName: (r.last_actor_name as string | null) ?? null,
    lastActionAt: date(r.last_action_at),
    createdAt: date(r.created_at)!,
    updatedAt: date(r.updated_at)!,
  };
}

export const selectQueueItem = `
  select q.*, s.display_name as seller_name, c.display_name as claimed_by_name, a.display_name as last_actor_name
    from queue_items q
    left join users s on s.id = q.seller_id
    left join users c on c.id = q.claimed_by
    left join users a on a.id = q.last_actor_id`;

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

const claimFree = `(claimed_by is null or claim_expires_at is null or claim_expires_at <= ?)`;

export const queueItemRepository = {
  async insert(em: EntityManager, i: NewQueueItem): Promise<string> {
    const id = randomUUID();
    await sql(
      em,
      `insert into queue_items (id, queue, subject_id, state, version, priority, title, seller_id, value_minor, currency, conditions, waiting_on, last_activity_at, sla_due_at, last_action, last_actor_id, last_action_at, created_at, updated_at)
       values (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, array[${i.conditions.length ? placeholders(i.conditions) : ''}]::text[], ?, ?, ?, 'created', ?, ?, ?, ?)`,
      [id, i.queue, i.subjectId, i.state, i.priority, i.title.slice(0, 300), i.sellerId, i.valueMinor, i.currency, ...i.conditions, i.waitingOn, i.now, i.slaDueAt, i.actorId, i.now, i.now, i.now],
    );
    return id;
  },

  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<QueueItemRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from queue_items where id = ? for update`, [id]);
    const rows = await sql(em, `${selectQueueItem} where q.id = ?`, [id]);
    return rows[0] ? toQueueItem(rows[0]) : null;
  },

  async findBySubject(em: EntityManager, queue: string, subjectId: string, opts: { forUpdate?: boolean } = {}): Promise<QueueItemRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from queue_items where queue = ? and subject_id = ? for update`, [queue, subjectId]);
    const rows = await sql(em, `${selectQueueItem} where q.queue = ? and q.subject_id = ?`, [queue, subjectId]);
    return rows[0] ? toQueueItem(rows[0]) : null;
  },

  async findMany(em: EntityManager, ids: string[]): Promise<QueueItemRecord[]> {
    if (ids.length === 0) return [];
    return (await sql(em, `${selectQueueItem} where q.id in (${placeholders(ids)})`, ids)).map(toQueueItem);
  },

  /**
   * The claim itself: one statement that matches only while the item is open and free (or its
   * lease ran out, or the caller already holds it). Concurrent claims queue on the row lock and
   * re-check the condition after the winner commits, so exactly one of them updates the row.
   */
  async claim(em: EntityManager, c: { id: string; userId: string; openStates: readonly string[]; expiresAt: Date; now: Date; action?: string; actorId?: string }): Promise<boolean> {
    const rows = await sql(
      em,
      `update queue_items set
         claimed_at = case when claimed_by = ? and claim_expires_at > ? then claimed_at else ? end,
         claimed_by = ?, claim_expires_at = ?, last_activity_at = ?, version = version + 1, updated_at = ?,
         last_action = ?, last_actor_id = ?, last_action_at = ?
       where id = ? and state in (${placeholders(c.openStates)}) and (${claimFree} or claimed_by = ?)
       returning id`,
      [c.userId, c.now, c.now, c.userId, c.expiresAt, c.now, c.now, c.action ?? 'claimed', c.actorId ?? c.userId, c.now, c.id, ...c.openStates, c.now, c.userId],
    );
    return rows.length === 1;
  },

  /** Gives up a live claim held by `holderId`. */
  async release(em: EntityManager, r: { id: string; holderId: string; actorId: string; now: Date }): Promise<boolean> {
    const rows = await sql(
      em,
      `update queue_items set claimed_by = null, claimed_at = null, claim_expires_at = null, version = version + 1, updated_at = ?, last_action = 'released', last_actor_id = ?, last_action_at = ?
       where id = ? and claimed_by = ? and claim_expires_at > ? returning id`,
      [r.now, r.actorId, r.now, r.id, r.holderId, r.now],
    );
    return rows.length === 1;
  },

  /** Hands the item to someone else whatever its claim (a lead's decision); conditional on the version the lead saw. */
  async reassign(em: EntityManager, r: { id: string; version: number; toUserId: string; actorId: string; expiresAt: Date; now: Date }): Promise<boolean> {
    const rows = await sql(
      em,
      `update queue_items set claimed_by = ?, claimed_at = ?, claim_expires_at = ?, last_activity_at = ?, version = version + 1, updated_at = ?, last_action = 'reassigned', last_actor_id = ?, last_action_at = ?
       where id = ? and version = ? returning id`,
      [r.toUserId, r.now, r.expiresAt, r.now, r.now, r.actorId, r.now, r.id, r.version],
    );
    return rows.length === 1;
  },

  /** Activity by the holder pushes the lease forward; not a change others need to see (no version bump). */
  async touch(em: EntityManager, t: { id: string; holderId: string; expiresAt: Date; now: Date }): Promise<boolean> {
    const rows = await sql(em, `update queue_items set last_activity_at = ?, claim_expires_at = ? where id = ? and claimed_by = ? and claim_expires_at > ? returning id`, [t.now, t.expiresAt, t.id, t.holderId, t.now]);
    return rows.length === 1;
  },

  /** The claim timer: frees the item only if that same claim is still there and its lease is over. */
  async expireClaim(em: EntityManager, e: { id: string; claimedAt: Date; now: Date }): Promise<string | null> {
    const rows = await sql(
      em,
      `update queue_items q set claimed_by = null, claimed_at = null, claim_expires_at = null, version = q.version + 1, updated_at = ?, last_action = 'claim_expired', last_actor_id = null, last_action_at = ?
         from (select id, claimed_by from queue_items where id = ? for update) old
       where q.id = old.id and q.claimed_by is not null and q.claimed_at = ? and q.claim_expires_at <= ?
       returning old.claimed_by as previous`,
      [e.now, e.now, e.id, e.claimedAt, e.now],
    );
    return (rows[0]?.previous as string | undefined) ?? null;
  },

  /** Applies a subject change if the version still matches; false when someone else changed it first. */
  async applyChange(em: EntityManager, id: string, expectedVersion: number, c: QueueItemChanges, now: Date): Promise<boolean> {
    const sets: string[] = [];
    const values: unknown[] = [];
    const set = (column: string, value: unknown) => {
      sets.push(`${column} = ?`);
      values.push(value);
    };
    if (c.state !== undefined) set('state', c.state);
    if (c.valueMinor !== undefined) set('value_minor', c.valueMinor);
    if (c.waitingOn !== undefined) set('waiting_on', c.waitingOn);
    if (c.decidedBy !== undefined) set('decided_by', c.decidedBy);
    if (c.decidedAt !== undefined) set('decided_at', c.decidedAt);
    if (c.priority !== undefined) set('priority', c.priority);
    if (c.slaDueAt !== undefined) set('sla_due_at', c.slaDueAt);
    if (c.clearClaim) sets.push('claimed_by = null', 'claimed_at = null', 'claim_expires_at = null');
    set('last_action', c.action);
    set('last_actor_id', c.actorId);
    set('last_action_at', now);
    set('updated_at', now);
    if (c.actorId) set('last_activity_at', now);
    const rows = await sql(em, `update queue_items set ${sets.join(', ')}, version = version + 1 where id = ? and version = ? returning id`, [...values, id, expectedVersion]);
    return rows.length === 1;
  },

  /** Live claims per person in a queue (for auto-assignment capacity). */
  async holding(em: EntityManager, queue: string, userIds: string[], now: Date): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    const rows = await sql(em, `select claimed_by, count(*) as n from queue_items where queue = ? and claim_expires_at > ? and claimed_by in (${placeholders(userIds)}) group by claimed_by`, [queue, now, ...userIds]);
    return new Map(rows.map((r) => [r.claimed_by as string, Number(r.n)]));
  },

  /** Unclaimed open items, oldest first (auto-assignment candidates). */
  async oldestFree(em: EntityManager, queue: string, openStates: readonly string[], limit: number, now: Date): Promise<QueueItemRecord[]> {
    const rows = await sql(em, `${selectQueueItem} where q.queue = ? and q.state in (${placeholders(openStates)}) and q.waiting_on is distinct from 'seller' and (q.claimed_by is null or q.claim_expires_at <= ?) order by q.created_at, q.id limit ?`, [queue, ...openStates, now, limit]);
    return rows.map(toQueueItem);
  },

  /** Everyone who works queues (agents and admins), for @mentions and auto-assignment. */
  /** People holding any of the staff roles (agent, admin, and custom roles marked staff). */
  async staff(em: EntityManager, staffRoles: readonly string[] = ['agent', 'admin']): Promise<{ id: string; displayName: string; roles: string[] }[]> {
    const rows = await sql(em, `select id, display_name, roles from users where roles && ?::text[] order by display_name, id`, [`{${staffRoles.join(',')}}`]);
    return rows.map((r) => ({ id: r.id as string, displayName: r.display_name as string, roles: textArray(r.roles) }));
  },

  /** The audit trail of an item: its own events and its subject's, oldest first. */
  async history(em: EntityManager, streams: string[], limit: number): Promise<Row[]> {
    return sql(em, `select * from outbox_events where stream in (${placeholders(streams)}) order by id desc limit ?`, [...streams, limit]);
  },
};
