// The queue view's query: every filter is a WHERE clause on indexed columns, and pages are keyset
// cursors on (sort key, id) so rows that change while someone pages never repeat or vanish.
import type { EntityManager } from '@marketdesk/db';
import type { QueueFilter, QueueSort, QueueSortField } from '@marketdesk/domain';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { db, sql, type DB } from './db.js';
import { queueItems, toQueueItem, type QueueItemRecord } from './queue-item-repository.js';

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

/** The queue's rows (q) with their seller (s), all the filters read. */
type ListEB = ExpressionBuilder<DB & { q: DB['QueueItem']; s: DB['User'] }, 'q' | 's'>;

/** Each sort field's expression, and the type a cursor's text value is cast back to. */
const sortKeys: Record<QueueSortField, { expr: (eb: ListEB) => Expression<unknown>; cast: 'timestamptz' | 'bigint' | 'integer' }> = {
  created_at: { expr: (eb) => eb.ref('q.createdAt'), cast: 'timestamptz' },
  value: { expr: (eb) => eb.ref('q.valueMinor'), cast: 'bigint' },
  priority: { expr: (eb) => eb.ref('q.priority'), cast: 'integer' },
  // Items without a deadline sort after every dated one.
  sla_due: { expr: (eb) => eb.fn.coalesce('q.slaDueAt', sql<Date>`'infinity'::timestamptz`), cast: 'timestamptz' },
  last_activity: { expr: (eb) => eb.ref('q.lastActivityAt'), cast: 'timestamptz' },
};

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filters(eb: ListEB, q: QueueListQuery): Expression<SqlBool> {
  const f = q.filter;
  const states = f.states?.length ? f.states : q.defaultStates;
  const where: Expression<SqlBool>[] = [eb('q.queue', '=', q.queue), eb('q.state', 'in', states)];
  if (f.minAgeMinutes !== undefined) where.push(eb('q.createdAt', '<=', minutesBefore(q.now, f.minAgeMinutes)));
  if (f.maxAgeMinutes !== undefined) where.push(eb('q.createdAt', '>=', minutesBefore(q.now, f.maxAgeMinutes)));
  if (f.sellerId) where.push(eb('q.sellerId', '=', f.sellerId));
  // Backslash is PostgreSQL's default LIKE escape, which escapeLike writes.
  if (f.sellerName) where.push(eb('s.displayName', 'ilike', `%${escapeLike(f.sellerName)}%`));
  if (f.conditions?.length) where.push(eb('q.conditions', '&&', eb.val([...f.conditions])));
  if (f.minValueMinor !== undefined) where.push(eb('q.valueMinor', '>=', f.minValueMinor));
  if (f.maxValueMinor !== undefined) where.push(eb('q.valueMinor', '<=', f.maxValueMinor));
  if (f.assignee === 'unassigned') where.push(eb.or([eb('q.claimedBy', 'is', null), eb('q.claimExpiresAt', '<=', q.now)]));
  else if (f.assignee === 'anyone') where.push(eb.and([eb('q.claimedBy', 'is not', null), eb('q.claimExpiresAt', '>', q.now)]));
  else if (f.assignee) where.push(eb.and([eb('q.claimedBy', '=', f.assignee === 'me' ? q.actorId : f.assignee), eb('q.claimExpiresAt', '>', q.now)]));
  if (f.slaDueWithinMinutes !== undefined) where.push(eb('q.slaDueAt', '<=', new Date(q.now.getTime() + f.slaDueWithinMinutes * 60_000)));
  if (f.waitingOn) where.push(eb(eb.fn.coalesce('q.waitingOn', eb.val('staff')), '=', f.waitingOn));
  return eb.and(where);
}

export const queueListRepository = {
  async page(em: EntityManager, q: QueueListQuery): Promise<{ items: QueueItemRecord[]; sortKeys: string[] }> {
    const { expr, cast } = sortKeys[q.sort.field];
    const dir = q.sort.direction === 'desc' ? 'desc' : 'asc';
    const after = q.after;
    const rows = await queueItems(em)
      .select((eb) => eb.cast<string>(expr(eb), 'text').as('sortKey'))
      .where((eb) => filters(eb, q))
      // A row comparison, (sort key, id) past the cursor's: the builder types tuples only for IN.
      .$if(after !== null, (qb) =>
        qb.where((eb) => sql<SqlBool>`(${expr(eb)}, ${eb.ref('q.id')}) ${sql.raw(dir === 'asc' ? '>' : '<')} (${eb.cast(eb.val(after!.value), cast)}, ${eb.cast(eb.val(after!.id), 'uuid')})`),
      )
      .orderBy((eb) => expr(eb), dir)
      .orderBy('q.id', dir)
      .limit(q.limit)
      .execute();
    return { items: rows.map(({ sortKey: _, ...r }) => toQueueItem(r)), sortKeys: rows.map((r) => r.sortKey) };
  },

  async count(em: EntityManager, q: QueueListQuery): Promise<number> {
    const row = await db(em)
      .selectFrom('QueueItem as q')
      .leftJoin('User as s', 's.id', 'q.sellerId')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where((eb) => filters(eb, q))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Live counts per state for a queue (the tabs' badges). */
  async countsByState(em: EntityManager, queue: string): Promise<Record<string, number>> {
    const rows = await db(em)
      .selectFrom('QueueItem')
      .select((eb) => ['state', eb.fn.countAll<string | number>().as('n')])
      .where('queue', '=', queue)
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  },
};
