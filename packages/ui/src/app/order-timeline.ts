// The order's timeline as one stream: the entries `orders.get` answered plus the events that arrive
// live on `order:{id}`, merged by their per-stream `seq` so nothing shows twice. We keep the highest
// seq seen; an event that skips past it (seq > last + 1) means the socket dropped something, so the
// caller refetches the order. Pure transitions (state, input) → next state + what to do; the hook in
// use-order-timeline.ts runs the refetch. Shared by the console's and the storefront's order pages.

export interface StreamEntry {
  id: string;
  seq: number;
  name: string;
  payload: Record<string, unknown>;
  occurredAt: Date | string;
}

export interface TimelineStream {
  /** Unique by seq, ascending. */
  entries: StreamEntry[];
  /** Highest seq seen from the server or live; 0 before anything arrived. */
  lastSeq: number;
  /** The server's answer has been merged (what arrives after it is news worth highlighting). */
  ready: boolean;
}

export interface Transition {
  state: TimelineStream;
  /** Ask the server for the order again (a gap, or an event that changed the order). */
  refetch: boolean;
}

export const emptyTimeline: TimelineStream = { entries: [], lastSeq: 0, ready: false };

/** Union by seq (the incoming copy wins a tie: the server's replaces the live one), ascending. */
export function mergeBySeq(current: readonly StreamEntry[], incoming: readonly StreamEntry[]): StreamEntry[] {
  const bySeq = new Map<number, StreamEntry>();
  for (const e of current) bySeq.set(e.seq, e);
  for (const e of incoming) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

const topSeq = (entries: readonly StreamEntry[]) => entries.reduce((max, e) => Math.max(max, e.seq), 0);

/** The server's answer: complete up to its own highest seq, so it fills any hole below that. */
export function receiveServer(state: TimelineStream, entries: readonly StreamEntry[]): TimelineStream {
  return { entries: mergeBySeq(state.entries, entries), lastSeq: Math.max(state.lastSeq, topSeq(entries)), ready: true };
}

/**
 * Ledger postings ride along with a state change (which refetches anyway) and change nothing the
 * page acts on; every other order event may bring a new state, version or shipment.
 */
export function changesOrder(eventName: string): boolean {
  return eventName !== 'order.ledger_posted';
}

/** One live event of the order's stream. A duplicate (same seq) changes nothing. */
export function receiveLive(state: TimelineStream, entry: StreamEntry): Transition {
  if (state.entries.some((e) => e.seq === entry.seq)) return { state, refetch: false };
  const gap = entry.seq > state.lastSeq + 1;
  return {
    state: { entries: mergeBySeq(state.entries, [entry]), lastSeq: Math.max(state.lastSeq, entry.seq), ready: state.ready },
    refetch: gap || changesOrder(entry.name),
  };
}
