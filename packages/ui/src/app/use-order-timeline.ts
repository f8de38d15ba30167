// An order page's live timeline (console and storefront): the entries `orders.get` wrote for this
// reader, kept current by the live follower (use-live-follower.ts) on the order's stream. The
// answer's `streamSeq` places the follower; an event past it — news, or a gap — asks for the order
// again, and a duplicate or an event the answer already has asks for nothing. A reconnect refetches
// too. The caller keeps the socket in `order:{id}`.
import { useEffect } from 'react';
import { orderStream, orderTimelineStream } from './order-timeline';
import { useLiveFollower } from './use-live-follower';

/** Several events of one transaction (a state change and its transfers) make one refetch. */
const COALESCE_MS = 150;

interface TimelineAnswer<E> {
  timeline: readonly E[];
  streamSeq: number;
}

/** A query's refetch (tRPC `useQuery`'s): the answer, or an error result. */
type RefetchTimeline<E> = () => Promise<{ data?: TimelineAnswer<E> | undefined; isError: boolean; error?: unknown }>;

export function useOrderTimeline<E>(orderId: string, server: TimelineAnswer<E> | undefined, refetch: RefetchTimeline<E>) {
  const stream = orderStream(orderId);
  const live = useLiveFollower({
    key: orderId,
    awaiting: [stream],
    streamOf: (event) => orderTimelineStream(orderId, event),
    // The page applies nothing itself: news means the server writes the entries again.
    apply: () => live.requestRefetch(),
    refetch: async () => {
      const result = await refetch();
      if (result.isError || !result.data) throw result.error ?? new Error('The order could not be read again.');
      return new Map([[stream, result.data.streamSeq]]);
    },
    coalesceMs: COALESCE_MS,
  });

  // Every answer (the first, a refetch, one on window focus) says how far it goes.
  const streamSeq = server?.streamSeq;
  const { resume } = live;
  useEffect(() => {
    if (streamSeq !== undefined) resume(new Map([[stream, streamSeq]]));
  }, [stream, streamSeq, resume]);

  return { entries: server?.timeline ?? [], ready: server !== undefined };
}
