// A queue's dashboard figures over queue_items: live counts per state, decisions and their timing
// since a date, and who made them.
import type { EntityManager } from '@marketdesk/db';
import { db, sql } from './db.js';

export const queueStatsRepository = {
  /** How many of the queue's items are in each state now. */
  async countsByState(em: EntityManager, queue: string): Promise<Record<string, number>> {
    const rows = await db(em)
      .selectFrom('QueueItem')
      .select((eb) => ['state', eb.fn.countAll<string | number>().as('n')])
      .where('queue', '=', queue)
      .groupBy('state')
      .orderBy('state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  },

  /** Items decided since `since`: how many, how many ended in one of `acceptedStates`, and the median seconds from creation to decision (null when none). */
  async decisionTiming(em: EntityManager, queue: string, since: Date, acceptedStates: readonly string[]): Promise<{ decided: number; accepted: number; medianSeconds: number | null }> {
    const t = await db(em)
      .selectFrom('QueueItem')
      .select((eb) => [
        eb.fn.countAll<string | number>().as('decided'),
        acceptedStates.length ? eb.fn.countAll<string | number>().filterWhere('state', 'in', acceptedStates).as('accepted') : eb.lit(0).as('accepted'),
        // An ordered-set aggregate (percentile_cont … within group) the builder has no words for.
        sql<string | number | null>`percentile_cont(0.5) within group (order by extract(epoch from ${eb.ref('decidedAt')} - ${eb.ref('createdAt')}))`.as('medianSeconds'),
      ])
      .where('queue', '=', queue)
      .where('decidedAt', '>=', since)
      .executeTakeFirstOrThrow();
    return { decided: Number(t.decided), accepted: Number(t.accepted), medianSeconds: t.medianSeconds == null ? null : Number(t.medianSeconds) };
  },

  /** The people who decided most of the queue's items since `since`, most first. */
  async deciders(em: EntityManager, queue: string, since: Date, limit: number): Promise<{ id: string; name: string; decisions: number }[]> {
    const rows = await db(em)
      .selectFrom('QueueItem as q')
      .innerJoin('User as u', 'u.id', 'q.decidedBy')
      .select((eb) => ['u.id', 'u.displayName as name', eb.fn.countAll<string | number>().as('n')])
      .where('q.queue', '=', queue)
      .where('q.decidedAt', '>=', since)
      .groupBy(['u.id', 'u.displayName'])
      .orderBy('n', 'desc')
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((p) => ({ id: p.id, name: p.name, decisions: Number(p.n) }));
  },
};
