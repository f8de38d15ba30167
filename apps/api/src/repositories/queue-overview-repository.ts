// Every queue's figures for the dashboard in one statement over queue_items, grouped by queue: how
// many items wait for staff, how many nobody holds, the oldest, and how many are at risk of their
// SLA or past it. Served by the (queue, state, created_at) index; cheap enough to run on every
// burst of queue events.
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export interface QueueOverviewQuery {
  /** Per queue, the states in which its items wait for staff. */
  queues: { queue: string; openStates: readonly string[] }[];
  /** Share of the time from entering the queue to the deadline after which an item is at risk. */
  atRiskFraction: number;
  now: Date;
}

export interface QueueOverviewRecord {
  queue: string;
  open: number;
  unclaimed: number;
  oldestAt: Date | null;
  /** At risk or overdue. */
  atRisk: number;
  overdue: number;
}

export const queueOverviewRepository = {
  async overview(em: EntityManager, q: QueueOverviewQuery): Promise<QueueOverviewRecord[]> {
    const pairs = q.queues.flatMap((x) => x.openStates.map((state) => [x.queue, state] as const));
    if (pairs.length === 0) return [];
    const rows = await sql(
      em,
      `select q.queue,
              count(*) as open,
              count(*) filter (where q.claimed_by is null or q.claim_expires_at is null or q.claim_expires_at <= ?) as unclaimed,
              min(q.created_at) as oldest_at,
              count(*) filter (where q.sla_due_at is not null and ? >= q.created_at + (q.sla_due_at - q.created_at) * ?::float8) as at_risk,
              count(*) filter (where q.sla_due_at <= ?) as overdue
         from queue_items q
        where (q.queue, q.state) in (${pairs.map(() => '(?, ?)').join(', ')})
        group by q.queue`,
      [q.now, q.now, q.atRiskFraction, q.now, ...pairs.flat()],
    );
    return rows.map((r) => ({
      queue: r.queue as string,
      open: Number(r.open),
      unclaimed: Number(r.unclaimed),
      oldestAt: r.oldest_at ? new Date(r.oldest_at as string | Date) : null,
      atRisk: Number(r.at_risk),
      overdue: Number(r.overdue),
    }));
  },
};
