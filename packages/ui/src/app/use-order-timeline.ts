// An order page's live timeline (console and storefront): the entries `orders.get` wrote for this
// reader, refetched when the order's room brings news (order-timeline.ts) and after every reconnect,
// since events sent while we were away are not replayed. The caller keeps the socket in `order:{id}`.
import { useEffect, useRef } from 'react';
import { getSocket, useLiveEvents, useOnConnect } from './live';
import { isOrderNews } from './order-timeline';

/** Several events of one transaction (a state change and its transfers) make one refetch. */
const COALESCE_MS = 150;

export function useOrderTimeline<E>(orderId: string, server: { timeline: readonly E[]; streamSeq: number } | undefined, refetch: () => unknown) {
  const refetchRef = useRef(refetch);
  const streamSeq = useRef<number | undefined>(server?.streamSeq);
  useEffect(() => {
    refetchRef.current = refetch;
    streamSeq.current = server?.streamSeq;
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

  useLiveEvents((event) => {
    if (isOrderNews(orderId, streamSeq.current, event)) scheduleRefetch();
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

  return { entries: server?.timeline ?? [], ready: server !== undefined };
}
