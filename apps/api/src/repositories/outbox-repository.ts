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
  async recentInRoom(em: EntityManager, room: string, limit: number): Promise<OutboxEvent[]> {
    return em.find(OutboxEvent, { rooms: { $contains: [room] } }, { orderBy: { id: 'desc' }, limit });
  },
};
