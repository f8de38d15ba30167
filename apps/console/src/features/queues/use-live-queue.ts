// One queue's live rows: the filtered, sorted pages from `queues.list` (cursor paged), kept current
// by the `queue.item.*` events on `queue:{name}` — each carries the whole row, applied by version —
// with the row highlights (new, changed) and exits they cause. Each item has its own stream (its
// notes are on it too), followed by the live follower: an event is applied once and in order, a
// duplicate or an older one is skipped, and a gap, like a reconnect, fetches the pages again — the
// server answer is the truth for what the socket missed. Counts are refreshed shortly after a burst.
import type { AnyLiveEvent, QueueFilter, QueueName, QueueSort } from '@marketdesk/domain';
import { useLiveFollower, useRoom } from '@marketdesk/ui/app';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { trpc } from '../../trpc';
import { useFreshIds } from '../live/use-fresh-ids';
import { classifyChange, isNewer, reconcileRows, rememberRow, rowMatches, type QueueRow } from './queue-rows';

export const queuePageSize = 50;
const leaveAfterMs = 1_600;
const countsAfterMs = 1_500;

type ItemEvent = { queue: string; itemId: string; item: QueueRow };

function itemEventOf(event: AnyLiveEvent, queue: QueueName): ItemEvent | null {
  if (!event.name.startsWith('queue.item.')) return null;
  const payload = event.payload as ItemEvent;
  return payload.queue === queue && payload.item ? payload : null;
}

/** The item stream an event of this queue is on: row changes and notes alike, so a note is no gap. */
export function queueItemStreamOf(event: AnyLiveEvent, queue: QueueName): string | null {
  if (!event.name.startsWith('queue.')) return null;
  const payload = event.payload as { queue?: unknown; itemId?: unknown };
  return payload.queue === queue && typeof payload.itemId === 'string' ? event.stream : null;
}

export interface LiveQueueOptions {
  queue: QueueName;
  filter: QueueFilter;
  sort: QueueSort;
  meId: string | undefined;
}

export function useLiveQueue({ queue, filter, sort, meId }: LiveQueueOptions) {
  const input = { queue, filter, sort, limit: queuePageSize };
  const list = trpc.queues.list.useInfiniteQuery(input, {
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A new filter keeps the old rows on screen until the new ones arrive.
    placeholderData: (previous) => previous,
  });
  const room = useRoom(`queue:${queue}`);
  const [seen, setSeen] = useState<ReadonlyMap<string, QueueRow>>(() => new Map());
  const [leaving, setLeaving] = useState<ReadonlySet<string>>(() => new Set());
  const added = useFreshIds();
  const changed = useFreshIds(4_000);
  const [nowMs, setNowMs] = useState(() => Date.now());

  // Claims lapse and rows age while nobody acts: re-evaluate against the clock every 15 s.
  useEffect(() => {
    const t = setInterval(() => setNowMs(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);

  const server = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const ctx = useMemo(() => ({ queue, meId, nowMs }), [queue, meId, nowMs]);
  const rows = useMemo(
    () => reconcileRows({ server, seen, filter, sort, ctx, hasMore: !!list.hasNextPage, leaving }),
    [server, seen, filter, sort, ctx, list.hasNextPage, leaving],
  );
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  });

  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((t) => clearTimeout(t));
  }, []);
  const later = useCallback((fn: () => void, ms: number) => {
    const t = setTimeout(() => {
      timers.current.delete(t);
      fn();
    }, ms);
    timers.current.add(t);
  }, []);

  const countsTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchSoon = useCallback(() => {
    if (countsTimer.current) clearTimeout(countsTimer.current);
    countsTimer.current = setTimeout(() => {
      countsTimer.current = null;
      void list.refetch();
    }, countsAfterMs);
  }, [list]);
  useEffect(() => () => void (countsTimer.current && clearTimeout(countsTimer.current)), []);

  /** Apply a row we learned about (an event, or a CONFLICT's current state). */
  const apply = useCallback(
    (item: QueueRow) => {
      const before = rowsRef.current.find((r) => r.id === item.id);
      // The row shown is already as new (a page read after this event was sent): nothing to show.
      if (before && !isNewer(item, before)) return;
      const matchesNow = rowMatches(item, filter, { queue, meId, nowMs: Date.now() });
      const change = classifyChange(before, item, matchesNow, !!before);
      setSeen((s) => rememberRow(s, item));
      if (change === 'added') added.mark(item.id);
      else if (change === 'changed') changed.mark(item.id);
      else if (change === 'removed') {
        setLeaving((s) => new Set(s).add(item.id));
        later(() => setLeaving((s) => {
          const next = new Set(s);
          next.delete(item.id);
          return next;
        }), leaveAfterMs);
      }
    },
    [filter, queue, meId, added, changed, later],
  );

  useLiveFollower({
    key: queue,
    streamOf: (event) => queueItemStreamOf(event, queue),
    apply: (event) => {
      const e = itemEventOf(event, queue);
      if (!e) return; // a note: nothing in the row changes
      apply(e.item);
      refetchSoon();
    },
    refetch: async () => {
      const answer = await list.refetch();
      if (answer.isError) throw answer.error;
    },
    // What only events said may be stale (a row that left while we were away): the pages decide.
    onReconnect: () => setSeen(new Map()),
  });

  const first = list.data?.pages[0];
  return {
    list,
    rows,
    total: first?.total,
    countsByState: first?.countsByState,
    roomError: room.error,
    freshIds: added.fresh,
    changedIds: changed.fresh,
    leavingIds: leaving,
    apply,
    nowMs,
  };
}
