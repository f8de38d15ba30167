// Keep a query in step with live events: refetch when a matching event arrives (bursts coalesced,
// e.g. a checkout announces order.paid, order.placed and stock changes together) and after every
// reconnect, when the tRPC answer is the source of truth for whatever the socket missed
// (ARCHITECTURE rule 3: refetch the stream rather than trust a gap). A query that is not enabled
// (the person may not read it, or it is not needed yet) is never fetched from here: `refetch()`
// ignores `enabled`, and a reconnect used to ask the API for data the role may not read (a seller's
// dashboard got a 403 from the payout queue on every load).
import type { AnyLiveEvent } from '@marketdesk/domain';
import { useEffect, useRef } from 'react';
import { getSocket, useLiveEvents, useOnConnect } from '@marketdesk/ui/app';

const coalesceMs = 150;

/** The part of a query result this hook uses (a tRPC `useQuery` or `useInfiniteQuery` result). */
export interface RefetchableQuery {
  refetch: () => unknown;
  /** TanStack Query's resolved `enabled` option. */
  isEnabled: boolean;
}

export function useLiveRefetch(matches: (event: AnyLiveEvent) => boolean, query: RefetchableQuery) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const queryRef = useRef(query);
  useEffect(() => {
    queryRef.current = query;
  });
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const schedule = () => {
    if (!queryRef.current.isEnabled) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (queryRef.current.isEnabled) void queryRef.current.refetch();
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
