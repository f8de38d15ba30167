// The Team activity feed: a tRPC backfill merged with live events from `team:all`.
// Events are applied once by id; a per-stream sequence gap or a reconnect triggers a refetch,
// which is how we catch up on anything missed while the socket was away (ARCHITECTURE rule 3).
import { type AnyLiveEvent, judgeSequence } from '@marketdesk/domain';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useLiveEvents, useOnConnect, useRoom } from '@marketdesk/ui/app';
import { trpc } from '../../trpc';

const freshForMs = 8_000;

function withoutId(ids: Set<string>, id: string): Set<string> {
  const next = new Set(ids);
  next.delete(id);
  return next;
}

function newestFirst(a: AnyLiveEvent, b: AnyLiveEvent): number {
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x === y ? 0 : x > y ? -1 : 1;
}

/** The last sequence the backfill holds for a stream, so the first live event is judged against it. */
function highestSeq(events: readonly { stream: string; seq: number }[] | undefined, stream: string) {
  let max: number | undefined;
  for (const e of events ?? []) if (e.stream === stream && (max === undefined || e.seq > max)) max = e.seq;
  return max;
}

export function useTeamActivity(limit = 50) {
  const list = trpc.activity.list.useQuery({ limit });
  const [live, setLive] = useState<Map<string, AnyLiveEvent>>(() => new Map());
  const [freshIds, setFreshIds] = useState<Set<string>>(() => new Set());
  const lastSeq = useRef(new Map<string, number>());
  const room = useRoom('team:all');
  const { refetch } = list;

  // After every (re)connect, the backfill is the source of truth for what we missed.
  useOnConnect(
    useCallback(() => {
      void refetch();
    }, [refetch]),
  );

  useLiveEvents((event) => {
    const known = lastSeq.current.get(event.stream) ?? highestSeq(list.data, event.stream);
    const verdict = judgeSequence(known, event.seq);
    if (verdict === 'duplicate') return;
    if (verdict === 'gap') void refetch();
    lastSeq.current.set(event.stream, event.seq);
    setLive((prev) => (prev.has(event.id) ? prev : new Map(prev).set(event.id, event)));
    setFreshIds((prev) => new Set(prev).add(event.id));
    // The highlight says "this just arrived"; after a few seconds it is just history.
    setTimeout(() => setFreshIds((prev) => withoutId(prev, event.id)), freshForMs);
  });

  const events = useMemo(() => {
    const byId = new Map<string, AnyLiveEvent>();
    for (const e of list.data ?? []) byId.set(e.id, e as AnyLiveEvent);
    for (const e of live.values()) byId.set(e.id, e);
    return [...byId.values()].sort(newestFirst).slice(0, limit);
  }, [list.data, live, limit]);

  return { events, freshIds, list, subscribeError: room.error };
}
