// Trending by forward decay (Cormode et al., "Forward Decay", ICDE 2009): an event at time t adds
// weight × 2^((t − epoch) / halfLife) to a listing's score. Ranking by that sum equals ranking by
// the time-decayed score at any moment (every score decays by the same factor), so nothing has
// to be recomputed as time passes and the database keeps one indexed number per listing.
// The sums are kept as natural logarithms, so they never overflow however far `t` is from the epoch:
//   log(a + b) = max(log a, log b) + log1p(exp(−|log a − log b|))
import { assert } from '../invariants/assert.js';
import { DAY_MS } from '../units.js';

export interface TrendSettings {
  /** A view or purchase counts half as much after this long. */
  halfLifeMs: number;
  epochMs: number;
  viewWeight: number;
  purchaseWeight: number;
}

export const defaultTrendSettings: TrendSettings = {
  halfLifeMs: 3 * DAY_MS,
  epochMs: Date.UTC(2026, 0, 1),
  viewWeight: 1,
  purchaseWeight: 8,
};

/** log(weight × 2^((atMs − epoch) / halfLife)): what one batch of events adds, in log space. */
export function trendLogIncrement(weight: number, atMs: number, settings: TrendSettings = defaultTrendSettings): number {
  assert(weight > 0 && Number.isFinite(weight), 'weight must be positive');
  return Math.log(weight) + ((atMs - settings.epochMs) / settings.halfLifeMs) * Math.LN2;
}

/** log(e^a + e^b) without overflow; null stands for a score of zero (no events yet). */
export function addLogScores(a: number | null, b: number): number {
  if (a === null) return b;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** The score decayed to `nowMs`: what a listing's events are worth now (for display and tests). */
export function decayedTrendScore(logScore: number | null, nowMs: number, settings: TrendSettings = defaultTrendSettings): number {
  if (logScore === null) return 0;
  return Math.exp(logScore - ((nowMs - settings.epochMs) / settings.halfLifeMs) * Math.LN2);
}
