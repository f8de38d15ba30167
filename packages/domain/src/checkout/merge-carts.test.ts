import { describe, expect, it } from 'vitest';
import { type CartLine, mergeCarts } from './merge-carts.js';

const l = (listingId: string, quantity: number): CartLine => ({ listingId, quantity });

describe('mergeCarts', () => {
  it('takes the larger quantity for a listing in both carts, not the sum', () => {
    expect(mergeCarts([l('a', 2), l('b', 1)], [l('b', 3), l('a', 1)])).toEqual([l('a', 2), l('b', 3)]);
  });

  it('keeps server lines in their order, then guest-only lines in theirs', () => {
    expect(mergeCarts([l('s2', 1), l('s1', 1)], [l('g2', 1), l('s1', 1), l('g1', 1)])).toEqual([l('s2', 1), l('s1', 1), l('g2', 1), l('g1', 1)]);
    expect(mergeCarts([], [l('g1', 1)])).toEqual([l('g1', 1)]);
    expect(mergeCarts([l('s1', 1)], [])).toEqual([l('s1', 1)]);
    expect(mergeCarts([], [])).toEqual([]);
  });

  it('caps at the stock when given (Map or record) and drops lines with no stock', () => {
    expect(mergeCarts([l('a', 5)], [l('b', 4), l('c', 2)], new Map([['a', 3], ['b', 0]]))).toEqual([l('a', 3), l('c', 2)]);
    expect(mergeCarts([l('a', 5)], [l('b', 4)], { a: 10, b: 1 })).toEqual([l('a', 5), l('b', 1)]);
    expect(mergeCarts([l('a', 5)], [], { toString: 1 } as Record<string, number>)).toEqual([l('a', 5)]);
  });

  it('caps at 99 per listing', () => {
    expect(mergeCarts([l('a', 99)], [l('a', 150)])).toEqual([l('a', 99)]);
  });

  it('ignores guest lines whose quantity is not a positive integer', () => {
    expect(mergeCarts([l('a', 1)], [l('a', Number.NaN), l('b', 0), l('c', -2), l('d', 1.5), l('e', 2)])).toEqual([l('a', 1), l('e', 2)]);
  });

  it('folds a listing repeated within one cart and keeps the server line’s other fields', () => {
    type Line = CartLine & { addedAtMs: number };
    const server: Line[] = [{ listingId: 'a', quantity: 1, addedAtMs: 1 }];
    const guest: Line[] = [{ listingId: 'a', quantity: 2, addedAtMs: 9 }, { listingId: 'a', quantity: 4, addedAtMs: 10 }];
    expect(mergeCarts(server, guest)).toEqual([{ listingId: 'a', quantity: 4, addedAtMs: 1 }]);
  });

  it('never mutates its inputs', () => {
    const server = [l('a', 1)];
    const guest = [l('a', 3)];
    const frozen = JSON.stringify([server, guest]);
    mergeCarts(server, guest, { a: 2 });
    expect(JSON.stringify([server, guest])).toBe(frozen);
  });
});
