import type { AnyLiveEvent } from '@marketdesk/domain';
import { getSocket } from './live';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEntry } from './order-timeline';
import { useOrderTimeline } from './use-order-timeline';

const orderId = 'o1';
const entry = (seq: number, name = 'order.paid'): StreamEntry => ({ id: String(100 + seq), seq, name, payload: {}, occurredAt: '2030-01-01T00:00:00Z' });
const event = (seq: number, name = 'order.shipped', stream = `order:${orderId}`) =>
  ({ id: String(100 + seq), stream, seq, name, payload: { orderId, buyerId: 'b', sellerId: 's', from: 'paid', to: 'shipped', actorId: 's', carrier: 'dpd', trackingNumber: '01234567890123' }, actorId: 's', occurredAt: '2030-01-01T00:00:00Z' }) as AnyLiveEvent;

/** Deliver an event as the socket would (no server: call the listeners directly). */
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

  it('shows the shipment at once and refetches the order once for its new state', () => {
    const { refetch, hook, seqs } = setup([entry(1), entry(2)]);
    deliver(event(3));
    deliver(event(4, 'order.ledger_posted'));
    expect(seqs()).toEqual([1, 2, 3, 4]);
    expect(hook.result.current.lastSeq).toBe(4);
    act(() => vi.advanceTimersByTime(200));
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('ignores duplicates and other streams', () => {
    const { refetch, seqs } = setup([entry(1), entry(2)]);
    deliver(event(3, 'order.ledger_posted'));
    deliver(event(3, 'order.ledger_posted'));
    deliver(event(9, 'order.shipped', 'order:other'));
    act(() => vi.advanceTimersByTime(200));
    expect(seqs()).toEqual([1, 2, 3]);
    expect(refetch).not.toHaveBeenCalled();
  });

  it('refetches after a gap and merges the answer without doubling anything', () => {
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
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('starts over for another order', () => {
    const refetch = vi.fn();
    const hook = renderHook(({ id, entries }) => useOrderTimeline(id, entries, refetch), { initialProps: { id: 'o1', entries: [entry(1), entry(2)] } });
    hook.rerender({ id: 'o2', entries: [entry(1)] });
    expect(hook.result.current.entries.map((e) => e.seq)).toEqual([1]);
    expect(hook.result.current.lastSeq).toBe(1);
  });
});
