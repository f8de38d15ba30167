// The outbox table: appended to inside business transactions, drained by the relay.
import { LockMode } from '@mikro-orm/core';
import { sql } from './sql.js';
import { OutboxEvent, type EntityManager, type OutboxJob } from '@marketdesk/db';

export interface NewOutboxEvent {
  stream: string;
  name: string;
  payload: Record<string, unknown>;
  rooms: string[];
  jobs?: OutboxJob[];
  actorId: string | null;
  occurredAt: Date;
  trace?: { requestId: string; traceparent?: string } | null;
}

export const outboxRepository = {
  /**
   * Hands out the next sequence of a stream with one atomic upsert: the row lock it takes is held
   * until commit, so concurrent writers to the same stream queue up instead of colliding.
   */
  async nextSeq(em: EntityManager, stream: string): Promise<number> {
    const rows = await sql(
      em,
      `insert into stream_sequences (stream, last_seq) values (?, 1)
       on conflict (stream) do update set last_seq = stream_sequences.last_seq + 1
       returning last_seq`,
      [stream],
    );
    return Number(rows[0]!.last_seq);
  },
  add(em: EntityManager, event: NewOutboxEvent, seq: number): OutboxEvent {
    const row = em.create(OutboxEvent, { ...event, seq, jobs: event.jobs ?? [], publishedAt: null });
    em.persist(row);
    return row;
  },
  /** Unpublished events, oldest first, locked so a second relay process skips them. */
  async lockUnpublished(em: EntityManager, limit: number): Promise<OutboxEvent[]> {
    return em.find(
      OutboxEvent,
      { publishedAt: null },
      { orderBy: { id: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
  },
  async markPublished(em: EntityManager, ids: string[], at: Date): Promise<void> {
    if (ids.length) await em.nativeUpdate(OutboxEvent, { id: { $in: ids } }, { publishedAt: at });
  },
  /** One event's name and payload, for a job that was handed only its id. */
  async nameAndPayload(em: EntityManager, id: string): Promise<{ name: string; payload: Record<string, unknown> } | null> {
    const [row] = await sql(em, `select name, payload from outbox_events where id = ?`, [id]);
    if (!row) return null;
    return { name: row.name as string, payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown> };
  },
  /** Whether the provider's report (by its event id) is already on this stream's timeline. */
  async hasPaymentReport(em: EntityManager, stream: string, providerEventId: string): Promise<boolean> {
    const rows = await sql(em, `select 1 from outbox_events where stream = ? and name = 'order.payment_reported' and payload->>'providerEventId' = ? limit 1`, [stream, providerEventId]);
    return rows.length > 0;
  },
  /** Events the relay has not published yet, and how long the oldest has waited (the backlog metric). */
  async unpublishedBacklog(em: EntityManager): Promise<{ count: number; oldestAgeSeconds: number }> {
    const [row] = await sql(em, `select count(*)::int as count, coalesce(extract(epoch from now() - min(occurred_at)), 0)::float8 as age from outbox_events where published_at is null`);
    return { count: Number(row?.count ?? 0), oldestAgeSeconds: Number(row?.age ?? 0) };
  },
  async recentInRoom(em: EntityManager, room: string, limit: number): Promise<OutboxEvent[]> {
    return em.find(OutboxEvent, { rooms: { $contains: [room] } }, { orderBy: { id: 'desc' }, limit });
  },
};
