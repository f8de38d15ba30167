// A queue's dashboard figures over queue_items: live counts per state, decisions and their timing
// since a date, and who made them.
import type { EntityManager } from '@marketdesk/db';
import { placeholders, sql } from './sql.js';

export const queueStatsRepository = {
  /** How many of the queue's items are in each state now. */
  async countsByState(em: EntityManager, queue: string): Promise<Record<string, number>> {
    const rows = await sql(em, `select state, count(*) as n from queue_items where queue = ? group by state order by state`, [queue]);
    return Object.fromEntries(rows.map((r) => [r.state as string, Number(r.n)]));
  },

  /** Items decided since `since`: how many, how many ended in one of `acceptedStates`, and the median seconds from creation to decision (null when none). */
  async decisionTiming(em: EntityManager, queue: string, since: Date, acceptedStates: readonly string[]): Promise<{ decided: number; accepted: number; medianSeconds: number | null }> {
    const [t = {}] = await sql(
      em,
      `select count(*) as decided,
              count(*) filter (where state in (${placeholders(acceptedStates)})) as accepted,
              percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at)) as median_seconds
         from queue_items where queue = ? and decided_at >= ?`,
      [...acceptedStates, queue, since],
    );
    return { decided: Number(t.decided ?? 0), accepted: Number(t.accepted ?? 0), medianSeconds: t.median_seconds == null ? null : Number(t.median_seconds) };
  },

  /** The people who decided most of the queue's items since `since`, most first. */
  async deciders(em: EntityManager, queue: string, since: Date, limit: number): Promise<{ id: string; name: string; decisions: number }[]> {
    const rows = await sql(em, `select q.decided_by as id, u.display_name as name, count(*) as n from queue_items q join users u on u.id = q.decided_by where q.queue = ? and q.decided_at >= ? group by 1, 2 order by n desc, name limit ?`, [queue, since, limit]);
    return rows.map((p) => ({ id: p.id as string, name: p.name as string, decisions: Number(p.n) }));
  },
};
