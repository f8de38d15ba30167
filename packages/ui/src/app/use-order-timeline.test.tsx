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

/** Let the coalescing timer fire and the refetch's promise settle. */
async function settle() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(200);
  });
}

describe('useOrderTimeline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(initial: ReturnType<typeof answer>, next = initial) {
    const refetch = vi.fn(async () => ({ data: next, isError: false }));
    const hook = renderHook(({ server }) => useOrderTimeline(orderId, server, refetch), { initialProps: { server: initial } });
    return { refetch, hook };
  }

  it('shows the entries the server wrote and refetches once for a burst of news', async () => {
    const { refetch, hook } = setup(answer(4, ['Order placed and paid']), answer(6, ['Order placed and paid', 'Shipped with DPD']));
    expect(hook.result.current.entries.map((e) => e.title)).toEqual(['Order placed and paid']);
    deliver(event(5));
    deliver(event(6, 'order.ledger_posted'));
    await settle();
    expect(refetch).toHaveBeenCalledTimes(1);
    hook.rerender({ server: answer(6, ['Order placed and paid', 'Shipped with DPD']) });
    expect(hook.result.current.entries.map((e) => e.title)).toEqual(['Order placed and paid', 'Shipped with DPD']);
  });

  it('ignores what the answer already has, a duplicate of what it fetched for, and other streams', async () => {
    const { refetch } = setup(answer(4, ['Order placed and paid']), answer(5, ['Order placed and paid', 'Shipped with DPD']));
    deliver(event(4, 'order.ledger_posted'));
    deliver(event(9, 'order.shipped', 'order:other'));
    await settle();
    expect(refetch).not.toHaveBeenCalled();
    deliver(event(5));
    await settle();
    deliver(event(5)); // delivered again (at least once)
    await settle();
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('asks again when events past the refetched answer arrived while it was on its way', async () => {
    const answers = [answer(5, ['Order placed and paid', 'Shipped with DPD']), answer(7, ['Order placed and paid', 'Shipped with DPD', 'Delivered'])];
    let release = () => {};
    const refetch = vi.fn(() => new Promise<{ data: ReturnType<typeof answer>; isError: boolean }>((resolve) => (release = () => resolve({ data: answers.shift()!, isError: false }))));
    renderHook(() => useOrderTimeline(orderId, answer(4, ['Order placed and paid']), refetch));
    deliver(event(5));
    await settle();
    expect(refetch).toHaveBeenCalledTimes(1);
    deliver(event(7, 'order.delivered')); // published after the refetch read the order (6 never reached us)
    await act(async () => release());
    await settle();
    // The answer covered 5 only; 7 is still owed, so the order is read again.
    expect(refetch).toHaveBeenCalledTimes(2);
    await act(async () => release());
    await settle();
    expect(refetch).toHaveBeenCalledTimes(2);
  });

  it('does not refetch in a loop when the answer cannot say more', async () => {
    const { refetch } = setup(answer(4, ['Order placed and paid']), answer(4, ['Order placed and paid']));
    deliver(event(6)); // a gap the server's answer does not close
    await settle();
    await settle();
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('catches up after a reconnect', async () => {
    const { refetch } = setup(answer(1, ['Order placed and paid']));
    act(() => getSocket().listeners('connect').forEach((listener) => (listener as () => void)()));
    await settle();
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});
