// The live queue table as pure data. The server's pages are the truth at the moment they were
// read; every `queue.*` event carries the whole row after its change. Rows are applied by version
// (an older snapshot never overwrites a newer one, whichever arrives last, so a refetch that raced
// an event cannot roll a row back), then the client applies the same filter and order as the API
// to decide whether the row stays, leaves or slides in. What it cannot place (a new row that sorts
// past the last loaded page) is left for paging to find.
import { queueOpenStates, queueWaitingStates, type QueueFilter, type QueueItemSnapshot, type QueueName, type QueueSort } from '@marketdesk/domain';

export type QueueRow = QueueItemSnapshot;

/**
 * Whether `incoming` should replace `current`. A newer version always wins; the same version may
 * still carry a renewed claim lease (activity does not bump the version), never an older one.
 */
export function isNewer(incoming: QueueRow, current: QueueRow | undefined): boolean {
  if (!current) return true;
  if (incoming.version !== current.version) return incoming.version > current.version;
  return (incoming.claimExpiresAtMs ?? 0) > (current.claimExpiresAtMs ?? 0) || incoming.updatedAtMs > current.updatedAtMs;
}

/** Remember the latest snapshot per row; returns the same map when the event was stale. */
export function rememberRow(seen: ReadonlyMap<string, QueueRow>, incoming: QueueRow): ReadonlyMap<string, QueueRow> {
  if (!isNewer(incoming, seen.get(incoming.id))) return seen;
  return new Map(seen).set(incoming.id, incoming);
}

export interface MatchContext {
  queue: QueueName;
  meId: string | undefined;
  nowMs: number;
}

const MINUTE_MS = 60_000;

/** The API's WHERE clauses (repositories/queue-list-repository.ts), in memory. */
export function rowMatches(row: QueueRow, filter: QueueFilter, ctx: MatchContext): boolean {
  if (row.queue !== ctx.queue) return false;
  const defaults = filter.waitingOn === 'seller' ? [...queueOpenStates[ctx.queue], ...queueWaitingStates[ctx.queue]] : queueOpenStates[ctx.queue];
  const states = filter.states?.length ? filter.states : defaults;
  if (!states.includes(row.state)) return false;
  const ageMs = ctx.nowMs - row.createdAtMs;
  if (filter.minAgeMinutes !== undefined && ageMs < filter.minAgeMinutes * MINUTE_MS) return false;
  if (filter.maxAgeMinutes !== undefined && ageMs > filter.maxAgeMinutes * MINUTE_MS) return false;
  if (filter.sellerId && row.sellerId !== filter.sellerId) return false;
  if (filter.sellerName && !(row.sellerName ?? '').toLowerCase().includes(filter.sellerName.toLowerCase())) return false;
  if (filter.conditions?.length && !row.conditions.some((c) => (filter.conditions as readonly string[]).includes(c))) return false;
  if (filter.minValueMinor !== undefined && row.valueMinor < filter.minValueMinor) return false;
  if (filter.maxValueMinor !== undefined && row.valueMinor > filter.maxValueMinor) return false;
  const holder = row.claimedBy && (row.claimExpiresAtMs ?? 0) > ctx.nowMs ? row.claimedBy : null;
  if (filter.assignee === 'unassigned' && holder) return false;
  if (filter.assignee === 'anyone' && !holder) return false;
  if (filter.assignee && !['unassigned', 'anyone'].includes(filter.assignee) && holder !== (filter.assignee === 'me' ? ctx.meId : filter.assignee)) return false;
  if (filter.slaDueWithinMinutes !== undefined && (row.slaDueAtMs === null || row.slaDueAtMs > ctx.nowMs + filter.slaDueWithinMinutes * MINUTE_MS)) return false;
  if (filter.waitingOn && (row.waitingOn ?? 'staff') !== filter.waitingOn) return false;
  return true;
}

function sortValue(row: QueueRow, field: QueueSort['field']): number {
  switch (field) {
    case 'value':
      return row.valueMinor;
    case 'priority':
      return row.priority;
    case 'sla_due':
      return row.slaDueAtMs ?? Number.POSITIVE_INFINITY;
    case 'last_activity':
      return row.lastActivityAtMs;
    default:
      return row.createdAtMs;
  }
}

/** The API's order: the sort key, then the id as tiebreak, both in the chosen direction. */
export function compareRows(a: QueueRow, b: QueueRow, sort: QueueSort): number {
  const va = sortValue(a, sort.field);
  const vb = sortValue(b, sort.field);
  const byKey = va === vb ? 0 : va < vb ? -1 : 1;
  const byId = a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
  const order = byKey || byId;
  return sort.direction === 'desc' ? -order : order;
}

export interface ReconcileInput {
  /** Rows of every loaded page, in server order. */
  server: readonly QueueRow[];
  /** Latest snapshots from live events. */
  seen: ReadonlyMap<string, QueueRow>;
  filter: QueueFilter;
  sort: QueueSort;
  ctx: MatchContext;
  /** More pages exist: a new row sorting after the last loaded one belongs to them. */
  hasMore: boolean;
  /** Rows that just stopped matching, kept on screen a moment so people see them go. */
  leaving?: ReadonlySet<string>;
}

/** What the table shows: server rows brought up to date, finished ones gone, new ones slotted in. */
export function reconcileRows({ server, seen, filter, sort, ctx, hasMore, leaving }: ReconcileInput): QueueRow[] {
  const out: QueueRow[] = [];
  const present = new Set<string>();
  for (const row of server) {
    const live = seen.get(row.id);
    const current = live && isNewer(live, row) ? live : row;
    present.add(row.id);
    if (rowMatches(current, filter, ctx) || leaving?.has(row.id)) out.push(current);
  }
  const last = server.at(-1);
  for (const row of seen.values()) {
    if (present.has(row.id) || !rowMatches(row, filter, ctx)) continue;
    if (hasMore && last && compareRows(row, last, sort) > 0) continue;
    out.push(row);
  }
  return out.sort((a, b) => compareRows(a, b, sort));
}

export type RowChange = 'added' | 'changed' | 'removed' | 'none';

/** How one event changes what is on screen: drives the highlight (new, changed) or the exit. */
export function classifyChange(before: QueueRow | undefined, after: QueueRow, matchesNow: boolean, shownBefore: boolean): RowChange {
  if (!shownBefore) return matchesNow ? 'added' : 'none';
  if (!matchesNow) return 'removed';
  return before && before.version === after.version && before.claimedBy === after.claimedBy ? 'none' : 'changed';
}

/** The row's holder while the lease runs (an expired claim is as good as none). */
export function holderOf(row: Pick<QueueRow, 'claimedBy' | 'claimedByName' | 'claimExpiresAtMs'>, nowMs: number): { id: string; name: string } | null {
  if (!row.claimedBy || (row.claimExpiresAtMs ?? 0) <= nowMs) return null;
  return { id: row.claimedBy, name: row.claimedByName ?? 'Someone' };
}

/**
 * Where an item is in its queue's life (the domain's state lists): `open` waits for staff (claim it,
 * decide it), `waiting` waits on someone outside the team (the seller, the buyer), `closed` is
 * decided and shows its outcome and history only.
 */
export type ItemPhase = 'open' | 'waiting' | 'closed';

export function itemPhase(queue: QueueName, state: string): ItemPhase {
  if (queueOpenStates[queue].includes(state)) return 'open';
  if (queueWaitingStates[queue].includes(state)) return 'waiting';
  return 'closed';
}
