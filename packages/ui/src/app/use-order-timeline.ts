// An order page's live timeline (console and storefront): `orders.get`'s entries merged with the
// events of the order's room by seq (order-timeline.ts). The caller keeps the socket in `order:{id}`. A new entry shows at once; the order is refetched (for its new
// state, version and shipment) when an event changes it, when the stream skips a seq, and after
// every reconnect, since events sent while we were away are not replayed.
import type { AnyLiveEvent } from '@marketdesk/domain';
import { getSocket, useLiveEvents, useOnConnect } from './live';
import { useEffect, useRef, useState } from 'react';
import { emptyTimeline, receiveLive, receiveServer, type StreamEntry, type TimelineStream } from './order-timeline';

/** Several events in a burst (shipped + ledger posting) make one refetch. */
const COALESCE_MS = 150;

export function toStreamEntry(event: AnyLiveEvent): StreamEntry {
  return { id: event.id, seq: event.seq, name: event.name, payload: event.payload as Record<string, unknown>, occurredAt: event.occurredAt };
}

export function useOrderTimeline(orderId: string, serverEntries: readonly StreamEntry[] | undefined, refetch: () => unknown) {
  const stream = `order:${orderId}`;
  const current = useRef<{ orderId: string; timeline: TimelineStream }>({ orderId, timeline: emptyTimeline });
  const [state, setState] = useState(current.current);
  const commit = (timeline: TimelineStream) => {
    current.current = { orderId, timeline };
    setState(current.current);
  };
  if (current.current.orderId !== orderId) current.current = { orderId, timeline: emptyTimeline };

  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scheduleRefetch = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void refetchRef.current();
    }, COALESCE_MS);
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  useEffect(() => {
    if (serverEntries) commit(receiveServer(current.current.timeline, serverEntries));
    // (`commit` only writes the ref and the state for this orderId, so it is not a dependency.)
  }, [serverEntries, orderId]);

  useLiveEvents((event) => {
    if (event.stream !== stream) return;
    const next = receiveLive(current.current.timeline, toStreamEntry(event));
    if (next.state !== current.current.timeline) commit(next.state);
    if (next.refetch) scheduleRefetch();
  });

  // Already connected when the page mounts: the query is fetching right now, so only later
  // (re)connects catch up. A page rendered on the server connects after hydration, and that
  // first connect does refetch: the server's answer may be older than our room membership.
  const skipMountCall = useRef(getSocket().connected);
  useOnConnect(() => {
    if (skipMountCall.current) {
      skipMountCall.current = false;
      return;
    }
    scheduleRefetch();
  });

  const timeline = state.orderId === orderId ? state.timeline : emptyTimeline;
  return { entries: timeline.entries, lastSeq: timeline.lastSeq, ready: timeline.ready };
}
