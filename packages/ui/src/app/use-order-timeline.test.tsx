import type { AnyLiveEvent } from '@marketdesk/domain';
import { getSocket } from './live';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useOrderTimeline } from './use-order-timeline';

const orderId = 'o1';
const answer = (streamSeq: number, titles: string[]) => ({ timeline: titles.map((title, i) => ({ id: String(i), title })), streamSeq });
const event = (seq: number, name = 'order.shipped', stream = `order:${orderId}`) =>
  ({ id: String(100 + seq), stream, seq, name, payload: { orderId, buyerId: 'b', sellerId: 's', from: 'paid', to: 'shipped', actorId: 's', carrier: 'dpd', trackingNumber: '01234567890123' }, actorId: 's', occurredAt: '2030-01-01T00:00:00Z' }) as AnyLiveEvent;

/** Deliver an event as the socket would (no server: call the listeners directly). */
function deliver(e: AnyLiveEvent) {
  act(() => getSocket().listeners('event').forEach((listener) => (listener as (e: AnyLiveEvent) => void)(e)));
}

describe('useOrderTimeline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(initial: ReturnType<typeof answer>) {
    const refetch = vi.fn();
    const hook = renderHook(({ server }) => useOrderTimeline(orderId, server, refetch), { initialProps: { server: initial } });
    return { refetch, hook };
  }

  it('shows the entries the server wrote and refetches once for a burst of news', () => {
    const { refetch, hook } = setup(answer(4, ['Order placed and paid']));
    expect(hook.result.current.entries.map((e) => e.title)).toEqual(['Order placed and paid']);
    deliver(event(5));
    deliver(event(6, 'order.ledger_posted'));
    act(() => vi.advanceTimersByTime(200));
    expect(refetch).toHaveBeenCalledTimes(1);
    hook.rerender({ server: answer(6, ['Order placed and paid', 'Shipped with DPD']) });
    expect(hook.result.current.entries.map((e) => e.title)).toEqual(['Order placed and paid', 'Shipped with DPD']);
  });

  it('ignores what the answer already has and other streams', () => {
    const { refetch } = setup(answer(4, ['Order placed and paid']));
    deliver(event(4, 'order.ledger_posted'));
    deliver(event(9, 'order.shipped', 'order:other'));
    act(() => vi.advanceTimersByTime(200));
    expect(refetch).not.toHaveBeenCalled();
  });

  it('catches up after a reconnect', () => {
    const { refetch } = setup(answer(1, ['Order placed and paid']));
    act(() => getSocket().listeners('connect').forEach((listener) => (listener as () => void)()));
    act(() => vi.advanceTimersByTime(200));
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});
