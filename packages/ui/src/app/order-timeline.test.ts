import { describe, expect, it } from 'vitest';
import { emptyTimeline, mergeBySeq, receiveLive, receiveServer, type StreamEntry } from './order-timeline';

const entry = (seq: number, name = 'order.paid'): StreamEntry => ({ id: String(100 + seq), seq, name, payload: {}, occurredAt: '2030-01-01T00:00:00Z' });
const seqs = (entries: readonly StreamEntry[]) => entries.map((e) => e.seq);

describe('timeline stream', () => {
  it('takes the next event in order and asks for the order again when it changes it', () => {
    const state = receiveServer(emptyTimeline, [entry(1), entry(2)]);
    expect(state.lastSeq).toBe(2);
    const next = receiveLive(state, entry(3, 'order.shipped'));
    expect(seqs(next.state.entries)).toEqual([1, 2, 3]);
    expect(next.state.lastSeq).toBe(3);
    expect(next.refetch).toBe(true);
  });

  it('appends a ledger posting in sequence without a refetch', () => {
    const state = receiveServer(emptyTimeline, [entry(1), entry(2)]);
    const next = receiveLive(state, entry(3, 'order.ledger_posted'));
    expect(next.refetch).toBe(false);
    expect(seqs(next.state.entries)).toEqual([1, 2, 3]);
  });

  it('never shows an event twice', () => {
    const state = receiveServer(emptyTimeline, [entry(1), entry(2)]);
    const again = receiveLive(state, entry(2, 'order.paid'));
    expect(again.state).toBe(state);
    expect(again.refetch).toBe(false);
    // The server's copy of an event we already got live replaces it rather than doubling it.
    const live = receiveLive(state, entry(3, 'order.ledger_posted')).state;
    const merged = receiveServer(live, [entry(1), entry(2), { ...entry(3, 'order.ledger_posted'), id: 'server' }]);
    expect(seqs(merged.entries)).toEqual([1, 2, 3]);
    expect(merged.entries[2]!.id).toBe('server');
  });

  it('notices a gap (seq > last + 1) and fills it from the server answer', () => {
    const state = receiveServer(emptyTimeline, [entry(1), entry(2)]);
    const jumped = receiveLive(state, entry(5, 'order.ledger_posted'));
    expect(jumped.refetch).toBe(true);
    expect(jumped.state.lastSeq).toBe(5);
    const filled = receiveServer(jumped.state, [1, 2, 3, 4, 5].map((n) => entry(n)));
    expect(seqs(filled.entries)).toEqual([1, 2, 3, 4, 5]);
    // After the fill, the next event in order is no gap.
    expect(receiveLive(filled, entry(6, 'order.ledger_posted')).refetch).toBe(false);
  });

  it('keeps the highest seq when an older server answer arrives late', () => {
    const state = receiveLive(receiveServer(emptyTimeline, [entry(1)]), entry(2, 'order.shipped')).state;
    const stale = receiveServer(state, [entry(1)]);
    expect(stale.lastSeq).toBe(2);
    expect(seqs(stale.entries)).toEqual([1, 2]);
  });

  it('merges by seq in ascending order', () => {
    expect(seqs(mergeBySeq([entry(3), entry(1)], [entry(2), entry(3)]))).toEqual([1, 2, 3]);
  });
});
