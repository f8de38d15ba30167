// Which live events an order page's timeline follows. The API writes the timeline for its reader
// (orderTimeline in the domain: one entry per thing they care about, with the money that moved for
// them) and says how far into the order's stream (`order:{id}`) that answer goes (`streamSeq`).
// The page never re-derives an entry from an event: news on the stream makes it ask again
// (use-order-timeline.ts, through the live follower). Shared by the console's and the storefront's order pages.
import type { AnyLiveEvent } from '@marketdesk/domain';

export const orderStream = (orderId: string) => `order:${orderId}`;

/** The stream of an event that belongs on this order's timeline, or null. */
export function orderTimelineStream(orderId: string, event: Pick<AnyLiveEvent, 'stream' | 'name' | 'payload'>): string | null {
  if (event.stream === orderStream(orderId)) return event.stream;
  // The buyer's review has its own stream; it joins the order's timeline.
  if (event.name === 'review.created' && (event.payload as { orderId?: unknown } | null)?.orderId === orderId) return event.stream;
  return null;
}
