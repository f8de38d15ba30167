// A queue's dashboard figures: live counts per state, median time to decision, decisions per person
// and the acceptance rate, over a window (default 30 days).
import type { EntityManager } from '@marketdesk/db';
import { sql } from '../../repositories/sql.js';
import { assertCanView, type QueueActor } from './queue-access.js';

const acceptedStates = ['accepted', 'received', 'listed', 'approved', 'active', 'paid'];

export async function queueStats(em: EntityManager, actor: QueueActor, input: { queue: string; days: number }, now: Date) {
  const queue = assertCanView(actor, input.queue);
  const since = new Date(now.getTime() - input.days * 86_400_000);
  const [counts, timing, people] = await Promise.all([
    sql(em, `select state, count(*) as n from queue_items where queue = ? group by state order by state`, [queue]),
    sql(
      em,
      `select count(*) as decided,
              count(*) filter (where state in (${acceptedStates.map(() => '?').join(',')})) as accepted,
              percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at)) as median_seconds
         from queue_items where queue = ? and decided_at >= ?`,
      [...acceptedStates, queue, since],
    ),
    sql(em, `select q.decided_by as id, u.display_name as name, count(*) as n from queue_items q join users u on u.id = q.decided_by where q.queue = ? and q.decided_at >= ? group by 1, 2 order by n desc, name limit 20`, [queue, since]),
  ]);
  const t = timing[0] ?? {};
  const decided = Number(t.decided ?? 0);
  return {
    queue,
    since,
    countsByState: Object.fromEntries(counts.map((r) => [r.state as string, Number(r.n)])),
    decided,
    acceptanceRate: decided ? Number(t.accepted ?? 0) / decided : null,
    medianSecondsToDecision: t.median_seconds == null ? null : Math.round(Number(t.median_seconds)),
    throughput: people.map((p) => ({ id: p.id as string, name: p.name as string, decisions: Number(p.n) })),
  };
}
