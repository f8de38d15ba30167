// The order detail's live timeline: the `orders.get` answer merged with events from the order's
// room by seq (order-stream.ts). New entries show at once; the order itself is refetched when an
// event changes its state (for the new version the actions must send), when the live stream jumps
// a seq (something was missed) and after every reconnect — never trusting a gap.
import type { AnyLiveEvent } from '@marketdesk/domain';
import { getSocket, useLiveEvents, useOnConnect } from '@marketdesk/ui/app';
import { useEffect, useReducer, useRef } from 'react';
import { emptyOrderStream, hasGap, orderStreamReducer, type OrderStreamState, type StreamEntry } from './order-stream';

const coalesceMs = 150;

/** Ledger postings ride along with a state change (which refetches) or change no state at all. */
export function refreshesOrder(eventName: string): boolean {
  return eventName !== 'order.ledger_posted';
}

export function toStreamEntry(event: AnyLiveEvent): StreamEntry {
  return { id: event.id, seq: event.seq, name: event.name, payload: event.payload as Record<string, unknown>, occurredAt: event.occurredAt };
}

type Action = { type: 'server'; entries: readonly StreamEntry[] } | { type: 'live'; entry: StreamEntry } | { type: 'reset'; orderId: string };
type State = OrderStreamState & { orderId: string };

function reducer(state: State, action: Action): State {
  if (action.type === 'reset') return state.orderId === action.orderId ? state : { ...emptyOrderStream, orderId: action.orderId };
  const next = orderStreamReducer(state, action);
  return next === state ? state : { ...next, orderId: state.orderId };
}

export function useOrderTimeline(orderId: string, serverEntries: readonly StreamEntry[] | undefined, refetch: () => unknown) {
  const [state, dispatch] = useReducer(reducer, { ...emptyOrderStream, orderId });
  const stream = `order:${orderId}`;

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

  useEffect(() => dispatch({ type: 'reset', orderId }), [orderId]);
  useEffect(() => {
    if (serverEntries) dispatch({ type: 'server', entries: serverEntries });
  }, [serverEntries]);

  useLiveEvents((event) => {
    if (event.stream !== stream) return;
    dispatch({ type: 'live', entry: toStreamEntry(event) });
    if (refreshesOrder(event.name)) schedule();
  });

  // A seq jump: the answer from the server fills the hole (and closes the gap, so this settles).
  const gap = state.orderId === orderId && hasGap(state);
  // (`schedule` only touches refs, so it is not a dependency.)
  useEffect(() => {
    if (gap) schedule();
  }, [gap, state]);

  // Already connected at mount: the query has just fetched, so only later (re)connects catch up.
  const skipMountCall = useRef(getSocket().connected);
  useOnConnect(() => {
    if (skipMountCall.current) {
      skipMountCall.current = false;
      return;
    }
    schedule();
  });

  const current = state.orderId === orderId;
  // `ready` once the server's answer is merged: what arrives after that is news worth highlighting.
  return { entries: current ? state.entries : [], ready: current && state.serverSeq !== null };
}
