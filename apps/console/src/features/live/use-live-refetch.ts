// Keep a query in step with live events: refetch when a matching event arrives (bursts coalesced,
// e.g. a checkout announces order.paid, order.placed and stock changes together) and after every
// reconnect, when the tRPC answer is the source of truth for whatever the socket missed
// (ARCHITECTURE rule 3: refetch the stream rather than trust a gap).
import type { AnyLiveEvent } from '@marketdesk/domain';
import { useEffect, useRef } from 'react';
import { getSocket, useLiveEvents, useOnConnect } from '@marketdesk/ui/app';

const coalesceMs = 150;

export function useLiveRefetch(matches: (event: AnyLiveEvent) => boolean, refetch: () => unknown) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refetchRef = useRef(refetch);
  useEffect(() => {
    refetchRef.current = refetch;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const schedule = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void refetchRef.current();
    }, coalesceMs);
  };

  // Already connected when the page mounts: the query has just fetched, so only later
  // (re)connects need a catch-up refetch.
  const skipMountCall = useRef(getSocket().connected);
  useOnConnect(() => {
    if (skipMountCall.current) {
      skipMountCall.current = false;
      return;
    }
    schedule();
  });

  useLiveEvents((event) => {
    if (matches(event)) schedule();
  });
}

/** Whether a live event is about this seller's listings or orders (the seller room carries both). */
export function isSellerEvent(event: AnyLiveEvent, sellerId: string | undefined, prefix: 'listing.' | 'order.'): boolean {
  if (!sellerId || !event.name.startsWith(prefix)) return false;
  const payload = event.payload as { sellerId?: string };
  return payload.sellerId === sellerId;
}
