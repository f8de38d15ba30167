import type { AnyLiveEvent } from '@marketdesk/domain';
import { getSocket } from '@marketdesk/ui/app';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEntry } from './order-stream';
import { useOrderTimeline } from './use-order-timeline';

const orderId = 'o1';
const entry = (seq: number, name = 'order.paid'): StreamEntry => ({ id: String(100 + seq), seq, name, payload: {}, occurredAt: '2030-01-01T00:00:00Z' });
const event = (seq: number, name = 'order.shipped', stream = `order:${orderId}`) =>
  ({ id: String(100 + seq), stream, seq, name, payload: { orderId, buyerId: 'b', sellerId: 's', from: 'paid', to: 'shipped', actorId: 's', carrier: 'dhl', trackingNumber: '1234567890' }, actorId: 's', occurredAt: '2030-01-01T00:00:00Z' }) as AnyLiveEvent;

/** Deliver an event as the socket would (no server: call the hook's listeners directly). */
function deliver(e: AnyLiveEvent) {
  act(() => getSocket().listeners('event').forEach((listener) => (listener as (e: AnyLiveEvent) => void)(e)));
}

describe('useOrderTimeline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(initial: StreamEntry[]) {
    const refetch = vi.fn();
    const hook = renderHook(({ entries }) => useOrderTimeline(orderId, entries, refetch), { initialProps: { entries: initial } });
    return { refetch, hook, seqs: () => hook.result.current.entries.map((e) => e.seq) };
  }

  it('shows the next event at once and refetches the order for its new version', () => {
    const { refetch, seqs } = setup([entry(1), entry(2)]);
    deliver(event(3));
    expect(seqs()).toEqual([1, 2, 3]);
    act(() => vi.advanceTimersByTime(200));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('appends a ledger posting without a refetch, and ignores duplicates and other streams', () => {
    const { refetch, seqs } = setup([entry(1), entry(2)]);
    deliver(event(3, 'order.ledger_posted'));
    deliver(event(3, 'order.ledger_posted'));
    deliver(event(9, 'order.shipped', 'order:other'));
    act(() => vi.advanceTimersByTime(200));
    expect(seqs()).toEqual([1, 2, 3]);
    expect(refetch).not.toHaveBeenCalled();
  });

  it('refetches when the stream jumps, and merges the answer without doubling anything', () => {
    const { refetch, hook, seqs } = setup([entry(1), entry(2)]);
    deliver(event(5, 'order.ledger_posted'));
    act(() => vi.advanceTimersByTime(200));
    expect(refetch).toHaveBeenCalledTimes(1);
    hook.rerender({ entries: [1, 2, 3, 4, 5].map((n) => entry(n)) });
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);
    act(() => vi.advanceTimersByTime(200));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('catches up after a reconnect', () => {
    const { refetch } = setup([entry(1)]);
    act(() => getSocket().listeners('connect').forEach((listener) => (listener as () => void)()));
    act(() => vi.advanceTimersByTime(200));
    expect(refetch).toHaveBeenCalled();
  });
});
