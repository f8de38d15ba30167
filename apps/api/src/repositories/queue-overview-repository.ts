// Every queue's figures for the dashboard in one statement over queue_items, grouped by queue: how
// many items wait for staff, how many nobody holds, the oldest, and how many are at risk of their
// SLA or past it. Served by the (queue, state, created_at) index; cheap enough to run on every
// burst of queue events.
import type { EntityManager } from '@marketdesk/db';
import { db, sql } from './db.js';

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
    const rows = await db(em)
      .selectFrom('QueueItem as q')
      .select((eb) => [
        'q.queue',
        eb.fn.countAll<string | number>().as('open'),
        eb.fn
          .countAll<string | number>()
          .filterWhere((f) => f.or([f('q.claimedBy', 'is', null), f('q.claimExpiresAt', 'is', null), f('q.claimExpiresAt', '<=', q.now)]))
          .as('unclaimed'),
        // An aggregate comes back as PostgreSQL's text, converted below.
        eb.fn.min<Date | string | null>('q.createdAt').as('oldestAt'),
        eb.fn
          .countAll<string | number>()
          // Interval arithmetic (a share of the time from entering the queue to the deadline), which the builder cannot type.
          .filterWhere((f) => f.and([f('q.slaDueAt', 'is not', null), sql<boolean>`${q.now} >= ${f.ref('q.createdAt')} + (${f.ref('q.slaDueAt')} - ${f.ref('q.createdAt')}) * ${q.atRiskFraction}::float8`]))
          .as('atRisk'),
        eb.fn.countAll<string | number>().filterWhere('q.slaDueAt', '<=', q.now).as('overdue'),
      ])
      .where((eb) => eb(eb.refTuple('q.queue', 'q.state'), 'in', pairs.map(([queue, state]) => eb.tuple(queue, state))))
      .groupBy('q.queue')
      .execute();
    return rows.map((r) => ({
      queue: r.queue,
      open: Number(r.open),
      unclaimed: Number(r.unclaimed),
      oldestAt: r.oldestAt ? new Date(r.oldestAt) : null,
      atRisk: Number(r.atRisk),
      overdue: Number(r.overdue),
    }));
  },
};
