import { publicLiveEvent, type AnyLiveEvent, type LiveWireEvent } from '@marketdesk/domain';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { getSocket, useLiveEvents, useLiveWireEvents } from './live';

const stock = { id: '1', stream: 'listing:l1', seq: 3, name: 'listing.stock_changed', payload: { listingId: 'l1', sellerId: 's1', available: 0, soldOut: true }, actorId: null, occurredAt: '2030-01-01T00:00:00Z' } as unknown as AnyLiveEvent;

function deliver(e: LiveWireEvent) {
  act(() => getSocket().listeners('event').forEach((listener) => (listener as (e: LiveWireEvent) => void)(e)));
}

describe('live events', () => {
  it('hands whole events to useLiveEvents, and public rooms’ views only to useLiveWireEvents', () => {
    const whole = vi.fn();
    const any = vi.fn();
    renderHook(() => {
      useLiveEvents(whole);
      useLiveWireEvents(any);
    });
    deliver(publicLiveEvent(stock)!);
    expect(whole).not.toHaveBeenCalled();
    expect(any).toHaveBeenCalledTimes(1);
    deliver(stock);
    expect(whole).toHaveBeenCalledWith(stock);
    expect(any).toHaveBeenCalledTimes(2);
  });
});
