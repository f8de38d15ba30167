// The order's timeline as one stream: entries from `orders.get` and entries that arrive live are
// merged by their per-stream `seq`, so nothing shows twice and a missed event is noticed. Events
// carry seq 1, 2, 3… per stream; the server's answer is complete up to its highest seq, so any seq
// missing above that (a jump in the live stream) means the socket dropped something: refetch.
// Pure, so the merge and gap rules are tested without sockets.

export interface StreamEntry {
  id: string;
  seq: number;
  name: string;
  payload: Record<string, unknown>;
  occurredAt: Date | string;
}

export interface OrderStreamState<E extends StreamEntry = StreamEntry> {
  /** Unique by seq, ascending. */
  entries: E[];
  /** Highest seq the server's answer held; null before the first answer. */
  serverSeq: number | null;
}

export type OrderStreamAction<E extends StreamEntry = StreamEntry> =
  | { type: 'server'; entries: readonly E[] }
  | { type: 'live'; entry: E };

export const emptyOrderStream: OrderStreamState<never> = { entries: [], serverSeq: null };

/** Union by seq (the later list wins a tie: a server copy replaces the live one), ascending. */
export function mergeBySeq<E extends StreamEntry>(current: readonly E[], incoming: readonly E[]): E[] {
  const bySeq = new Map<number, E>();
  for (const e of current) bySeq.set(e.seq, e);
  for (const e of incoming) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

export function orderStreamReducer<E extends StreamEntry>(state: OrderStreamState<E>, action: OrderStreamAction<E>): OrderStreamState<E> {
  if (action.type === 'server') {
    const top = action.entries.reduce((max, e) => Math.max(max, e.seq), 0);
    return { entries: mergeBySeq(state.entries, action.entries), serverSeq: Math.max(state.serverSeq ?? 0, top) };
  }
  // A duplicate (the same event through the seller room and the order room, or replayed after a
  // reconnect) changes nothing, and keeps the state object so React skips the render.
  if (state.entries.some((e) => e.seq === action.entry.seq)) return state;
  return { ...state, entries: mergeBySeq(state.entries, [action.entry]) };
}

/** Seqs missing between what the server answered and the newest entry we hold. */
export function missingSeqs(state: OrderStreamState): number[] {
  if (state.serverSeq === null) return [];
  const have = new Set(state.entries.map((e) => e.seq));
  const newest = state.entries.at(-1)?.seq ?? 0;
  const missing: number[] = [];
  for (let seq = state.serverSeq + 1; seq < newest; seq++) if (!have.has(seq)) missing.push(seq);
  return missing;
}

/** Whether the stream has a hole that only a refetch can fill. */
export function hasGap(state: OrderStreamState): boolean {
  return missingSeqs(state).length > 0;
}
