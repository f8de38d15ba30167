// The queue view's query: every filter is a WHERE clause on indexed columns, and pages are keyset
// cursors on (sort key, id) so rows that change while someone pages never repeat or vanish.
import type { EntityManager } from '@marketdesk/db';
import type { QueueFilter, QueueSort, QueueSortField } from '@marketdesk/domain';
import { selectQueueItem, toQueueItem, type QueueItemRecord } from './queue-item-repository.js';
import { placeholders, sql } from './sql.js';

const sortExpr: Record<QueueSortField, { expr: string; cast: string }> = {
  created_at: { expr: 'q.created_at', cast: 'timestamptz' },
  value: { expr: 'q.value_minor', cast: 'bigint' },
  priority: { expr: 'q.priority', cast: 'int' },
  // Items without a deadline sort after every dated one.
  sla_due: { expr: `coalesce(q.sla_due_at, 'infinity'::timestamptz)`, cast: 'timestamptz' },
  last_activity: { expr: 'q.last_activity_at', cast: 'timestamptz' },
};

export interface QueueListQuery {
  queue: string;
  filter: QueueFilter;
  /** States used when the filter names none (the queue's open states). */
  defaultStates: readonly string[];
  sort: QueueSort;
  after: { value: string | number | null; id: string } | null;
  limit: number;
  actorId: string;
  now: Date;
}

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function whereClauses(q: QueueListQuery): { clauses: string[]; params: unknown[] } {
  const f = q.filter;
  const clauses: string[] = ['q.queue = ?'];
  const params: unknown[] = [q.queue];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const states = f.states?.length ? f.states : q.defaultStates;
  add(`q.state in (${placeholders(states)})`, ...states);
  if (f.minAgeMinutes !== undefined) add('q.created_at <= ?', minutesBefore(q.now, f.minAgeMinutes));
  if (f.maxAgeMinutes !== undefined) add('q.created_at >= ?', minutesBefore(q.now, f.maxAgeMinutes));
  if (f.sellerId) add('q.seller_id = ?', f.sellerId);
  if (f.sellerName) add(`s.display_name ilike ? escape '\\'`, `%${escapeLike(f.sellerName)}%`);
  if (f.conditions?.length) add(`q.conditions && array[${placeholders(f.conditions)}]::text[]`, ...f.conditions);
  if (f.minValueMinor !== undefined) add('q.value_minor >= ?', f.minValueMinor);
  if (f.maxValueMinor !== undefined) add('q.value_minor <= ?', f.maxValueMinor);
  if (f.assignee === 'unassigned') add('(q.claimed_by is null or q.claim_expires_at <= ?)', q.now);
  else if (f.assignee === 'anyone') add('(q.claimed_by is not null and q.claim_expires_at > ?)', q.now);
  else if (f.assignee) add('(q.claimed_by = ? and q.claim_expires_at > ?)', f.assignee === 'me' ? q.actorId : f.assignee, q.now);
  if (f.slaDueWithinMinutes !== undefined) add('q.sla_due_at <= ?', new Date(q.now.getTime() + f.slaDueWithinMinutes * 60_000));
  if (f.waitingOn) add(`coalesce(q.waiting_on, 'staff') = ?`, f.waitingOn);
  return { clauses, params };
}

export const queueListRepository = {
  async page(em: EntityManager, q: QueueListQuery): Promise<{ items: QueueItemRecord[]; sortKeys: string[] }> {
    const { clauses, params } = whereClauses(q);
    const { expr, cast } = sortExpr[q.sort.field];
    const dir = q.sort.direction === 'desc' ? 'desc' : 'asc';
    if (q.after) {
      clauses.push(`(${expr}, q.id) ${dir === 'asc' ? '>' : '<'} (?::${cast}, ?::uuid)`);
      params.push(q.after.value, q.after.id);
    }
    const rows = await sql(em, `select * from (${selectQueueItem.replace('select q.*,', `select q.*, (${expr})::text as sort_key,`)} where ${clauses.join(' and ')}) page order by ${sortKeyOrder(cast)} ${dir}, id ${dir} limit ?`, [...params, q.limit]);
    return { items: rows.map(toQueueItem), sortKeys: rows.map((r) => r.sort_key as string) };
  },

  async count(em: EntityManager, q: QueueListQuery): Promise<number> {
    const { clauses, params } = whereClauses(q);
    const [row] = await sql(em, `select count(*) as n from queue_items q left join users s on s.id = q.seller_id where ${clauses.join(' and ')}`, params);
    return Number(row?.n ?? 0);
  },

  /** Live counts per state for a queue (the tabs' badges). */
  async countsByState(em: EntityManager, queue: string): Promise<Record<string, number>> {
    const rows = await sql(em, `select state, count(*) as n from queue_items where queue = ? group by state`, [queue]);
    return Object.fromEntries(rows.map((r) => [r.state as string, Number(r.n)]));
  },
};

function sortKeyOrder(cast: string): string {
  return `sort_key::${cast}`;
}
