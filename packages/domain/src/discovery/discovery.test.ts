// Trending by forward decay and co-purchase counting.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../units.js';
import { coPurchasePairs, replayCoPurchases } from './co-purchase.js';
import { addLogScores, decayedTrendScore, defaultTrendSettings as settings, trendLogIncrement } from './trend.js';

describe('trending (forward decay)', () => {
  const t0 = settings.epochMs + 400 * DAY_MS;

  it('halves an event’s worth every half-life', () => {
    const log = trendLogIncrement(8, t0);
    expect(decayedTrendScore(log, t0)).toBeCloseTo(8, 9);
    expect(decayedTrendScore(log, t0 + settings.halfLifeMs)).toBeCloseTo(4, 9);
    expect(decayedTrendScore(null, t0)).toBe(0);
  });

  it('adds in log space without overflow, even centuries after the epoch', () => {
    const far = settings.epochMs + 365 * 300 * DAY_MS;
    const sum = addLogScores(addLogScores(null, trendLogIncrement(1, far)), trendLogIncrement(3, far));
    expect(Number.isFinite(sum)).toBe(true);
    expect(decayedTrendScore(sum, far)).toBeCloseTo(4, 6);
  });

  it('property: ranking by the stored log score equals ranking by the decayed score at any time', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 60 * DAY_MS })), { minLength: 1, maxLength: 20 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 0, max: 60 * DAY_MS })), { minLength: 1, maxLength: 20 }), (a, b) => {
        const score = (events: [number, number][]) => events.reduce<number | null>((s, [w, dt]) => addLogScores(s, trendLogIncrement(w, t0 + dt)), null)!;
        const now = t0 + 61 * DAY_MS;
        const naive = (events: [number, number][]) => events.reduce((s, [w, dt]) => s + w * 2 ** -((now - t0 - dt) / settings.halfLifeMs), 0);
        const [la, lb] = [score(a), score(b)];
        expect(decayedTrendScore(la, now)).toBeCloseTo(naive(a), 6);
        if (Math.abs(naive(a) - naive(b)) > 1e-6) expect(la > lb).toBe(naive(a) > naive(b));
      }),
      { numRuns: 500 },
    );
  });
});

describe('co-purchases', () => {
  it('pairs new listings with each other and with the buyer’s earlier ones, each pair once', () => {
    expect(coPurchasePairs(['b', 'a'], ['c', 'a'])).toEqual([['a', 'b'], ['b', 'c'], ['a', 'c']]);
    expect(coPurchasePairs(['a'], [])).toEqual([]);
    expect(coPurchasePairs([], ['a', 'b'])).toEqual([]);
  });

  it('counts each buyer once per pair, however the purchases are split into orders', () => {
    const counts = replayCoPurchases([
      { buyerId: 'u1', listingIds: ['a', 'b'], atMs: 1 },
      { buyerId: 'u1', listingIds: ['a', 'c'], atMs: 2 },
      { buyerId: 'u2', listingIds: ['a'], atMs: 3 },
      { buyerId: 'u2', listingIds: ['b'], atMs: 4 },
      { buyerId: 'u3', listingIds: ['b'], atMs: 5 },
      { buyerId: 'u3', listingIds: ['c'], atMs: 5 + 200 * DAY_MS }, // outside the window
    ]);
    expect(Object.fromEntries(counts)).toEqual({ 'a|b': 2, 'a|c': 1, 'b|c': 1 });
  });
});
