// Following an order's timeline live. The API writes the timeline for its reader (orderTimeline in
// the domain: one entry per thing they care about, with the money that moved for them) and says how
// far into the order's stream (`order:{id}`) that answer goes (`streamSeq`). A live event past that
// point is news: the page asks for the order again rather than guessing how the event reads, so the
// apps never re-derive the timeline. Events at or before it are already in the answer. Pure rules
// here; use-order-timeline.ts runs the refetch. Shared by the console's and the storefront's order pages.

export interface LiveOrderEvent {
  stream: string;
  seq: number;
  name: string;
  payload: unknown;
}

/** Does this live event change what the order page shows, given the answer it has (up to `streamSeq`)? */
export function isOrderNews(orderId: string, streamSeq: number | undefined, event: LiveOrderEvent): boolean {
  if (event.stream === `order:${orderId}`) return streamSeq === undefined || event.seq > streamSeq;
  // The buyer's review has its own stream; it joins the order's timeline.
  if (event.name === 'review.created') return (event.payload as { orderId?: unknown } | null)?.orderId === orderId;
  return false;
}
