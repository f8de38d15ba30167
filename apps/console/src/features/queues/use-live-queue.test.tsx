// The live queue as a hook, fed events the way the socket delivers them (at least once, and not
// always in order): each item event is applied once, in its stream's order.
import type { AnyLiveEvent, QueueItemSnapshot } from '@marketdesk/domain';
import { getSocket } from '@marketdesk/ui/app';
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const t0 = Date.parse('2030-01-01T10:00:00Z');
const row = (version: number, change: Partial<QueueItemSnapshot> = {}): QueueItemSnapshot => ({
  id: 'item-1', queue: 'submissions', subjectId: 'sub-1', state: 'submitted', version, priority: 0, title: 'Box of records',
  sellerId: 'seller-1', sellerName: 'Vinyl Vic', valueMinor: 5_000, currency: 'EUR', conditions: [], waitingOn: 'staff',
  claimedBy: null, claimedByName: null, claimedAtMs: null, claimExpiresAtMs: null, lastActivityAtMs: t0, decidedBy: null,
  decidedAtMs: null, slaDueAtMs: null, lastAction: null, createdAtMs: t0 - 60_000, updatedAtMs: t0 + version, ...change,
});
const itemEvent = (seq: number, item: QueueItemSnapshot, name = 'queue.item.changed') =>
  ({ id: String(seq), stream: `queue-item:${item.id}`, seq, name, payload: { queue: 'submissions', itemId: item.id, item, actorId: 'staff-2', action: 'update' }, actorId: 'staff-2', occurredAt: '2030-01-01T10:00:00Z' }) as AnyLiveEvent;
const noteEvent = (seq: number) =>
  ({ id: `n${seq}`, stream: 'queue-item:item-1', seq, name: 'queue.note.added', payload: { queue: 'submissions', itemId: 'item-1', noteId: 'note-1', authorId: 'staff-2', authorName: 'Sam', body: 'Looks fine', mentionIds: [] }, actorId: 'staff-2', occurredAt: '2030-01-01T10:00:00Z' }) as AnyLiveEvent;

const refetch = vi.fn(async () => ({ isError: false, error: null }));
const page = (items: QueueItemSnapshot[]) => ({ pages: [{ items, nextCursor: null, total: items.length, countsByState: {} }] });
const list = { data: page([row(1)]), hasNextPage: false, refetch };
vi.mock('../../trpc', () => ({ trpc: { queues: { list: { useInfiniteQuery: () => list } } } }));
const { useLiveQueue } = await import('./use-live-queue');

function deliver(e: AnyLiveEvent) {
  act(() => getSocket().listeners('event').forEach((listener) => (listener as (e: AnyLiveEvent) => void)(e)));
}

function setup() {
  return renderHook(() => useLiveQueue({ queue: 'submissions', filter: {}, sort: { field: 'created_at', direction: 'asc' }, meId: 'me' }));
}

describe('useLiveQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: t0 });
    refetch.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it('applies an event delivered twice once: the late copy neither rolls the row back nor flags it changed', () => {
    const hook = setup();
    const claimed = itemEvent(1, row(2, { claimedBy: 'staff-2', claimedByName: 'Sam', claimExpiresAtMs: t0 + 600_000 }), 'queue.item.claimed');
    deliver(claimed);
    deliver(itemEvent(2, row(3, { state: 'in_review' })));
    act(() => vi.advanceTimersByTime(5_000)); // the "changed" highlight fades
    expect(hook.result.current.changedIds.size).toBe(0);
    deliver(claimed); // the outbox relay delivers at least once
    expect(hook.result.current.changedIds.size).toBe(0);
    expect(hook.result.current.rows.map((r) => [r.version, r.state, r.claimedBy])).toEqual([[3, 'in_review', null]]);
  });

  it('skips an older event that arrives after a newer one, and sees no gap after it', () => {
    const hook = setup();
    deliver(itemEvent(1, row(2)));
    deliver(itemEvent(2, row(3, { state: 'in_review' })));
    deliver(itemEvent(1, row(2)));
    deliver(itemEvent(3, row(4, { state: 'in_review', priority: 2 })));
    expect(refetch).not.toHaveBeenCalled(); // only the counts, a moment later
    expect(hook.result.current.rows.map((r) => r.version)).toEqual([4]);
  });

  it('fetches the pages again at once on a gap in an item’s stream; a note on the stream is no gap', () => {
    const hook = setup();
    deliver(itemEvent(1, row(2)));
    deliver(noteEvent(2));
    deliver(itemEvent(3, row(3, { state: 'in_review' })));
    expect(refetch).not.toHaveBeenCalled();
    deliver(itemEvent(5, row(5, { state: 'in_review', priority: 1 }))); // 4 never came
    expect(refetch).toHaveBeenCalledTimes(1);
    expect(hook.result.current.rows.map((r) => r.version)).toEqual([3]); // the answer brings the rest
  });
});

describe('useLiveQueue after loading', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: t0 });
    refetch.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it('does not flag a row changed by a stale copy of an event the page already shows', () => {
    const hook = setup();
    // The stream's first event to reach this page is older than the row the page read.
    list.data = page([row(3, { state: 'in_review' })]);
    hook.rerender();
    deliver(itemEvent(1, row(2)));
    expect(hook.result.current.changedIds.size).toBe(0);
    expect(hook.result.current.rows.map((r) => r.version)).toEqual([3]);
    list.data = page([row(1)]);
  });
});
