import { describe, expect, it } from 'vitest';
import { emptyOrderStream, hasGap, mergeBySeq, missingSeqs, orderStreamReducer, type OrderStreamState, type StreamEntry } from './order-stream';

const entry = (seq: number, name = `order.e${seq}`): StreamEntry => ({ id: String(100 + seq), seq, name, payload: {}, occurredAt: '2030-01-01T00:00:00Z' });
const seqs = (s: OrderStreamState) => s.entries.map((e) => e.seq);
const server = (state: OrderStreamState, ...n: number[]) => orderStreamReducer(state, { type: 'server', entries: n.map((x) => entry(x)) });
const live = (state: OrderStreamState, n: number) => orderStreamReducer(state, { type: 'live', entry: entry(n) });

describe('mergeBySeq', () => {
  it('keeps one entry per seq, in seq order, the later list winning', () => {
    const merged = mergeBySeq([entry(2), entry(1)], [{ ...entry(2), name: 'from server' }, entry(3)]);
    expect(merged.map((e) => [e.seq, e.name])).toEqual([
      [1, 'order.e1'],
      [2, 'from server'],
      [3, 'order.e3'],
    ]);
  });
});

describe('orderStreamReducer', () => {
  it('appends the next event live without asking the server', () => {
    const s = live(server(emptyOrderStream, 1, 2, 3), 4);
    expect(seqs(s)).toEqual([1, 2, 3, 4]);
    expect(hasGap(s)).toBe(false);
  });

  it('never shows an event twice (two rooms, or a replay after reconnect)', () => {
    const s = server(emptyOrderStream, 1, 2);
    const once = live(s, 3);
    const twice = live(once, 3);
    expect(twice).toBe(once);
    expect(seqs(live(twice, 2))).toEqual([1, 2, 3]);
  });

  it('notices a jump in seq and stops noticing once the server has filled it', () => {
    const jumped = live(server(emptyOrderStream, 1, 2), 5);
    expect(missingSeqs(jumped)).toEqual([3, 4]);
    expect(hasGap(jumped)).toBe(true);
    const refetched = server(jumped, 1, 2, 3, 4, 5);
    expect(seqs(refetched)).toEqual([1, 2, 3, 4, 5]);
    expect(hasGap(refetched)).toBe(false);
  });

  it('keeps live entries the server answer did not have yet', () => {
    // The refetch raced the event: its answer stops at 3, the socket already delivered 4.
    const s = server(live(server(emptyOrderStream, 1, 2, 3), 4), 1, 2, 3);
    expect(seqs(s)).toEqual([1, 2, 3, 4]);
    expect(hasGap(s)).toBe(false);
  });

  it('buffers events that arrive before the first answer, then judges the gap against it', () => {
    const early = live(emptyOrderStream, 4);
    expect(hasGap(early)).toBe(false);
    expect(hasGap(server(early, 1, 2, 3))).toBe(false);
    expect(missingSeqs(server(live(emptyOrderStream, 5), 1, 2, 3))).toEqual([4]);
  });

  it('sees a gap on an order with no events yet when the first one arrives as seq 2', () => {
    const s = live(server(emptyOrderStream), 2);
    expect(missingSeqs(s)).toEqual([1]);
  });

  it('fills a hole out of order without a refetch when the late event arrives', () => {
    const s = live(live(server(emptyOrderStream, 1), 3), 2);
    expect(seqs(s)).toEqual([1, 2, 3]);
    expect(hasGap(s)).toBe(false);
  });
});
