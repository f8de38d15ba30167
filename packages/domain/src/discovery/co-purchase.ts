// "Customers who bought this also bought": for each pair of listings, how many buyers bought both
// within `windowMs` of each other. Kept incrementally: when a buyer's order is settled, the pairs
// it adds are its listings new to this buyer, each paired with every other listing the buyer
// bought in the window (including the rest of this order). A listing the buyer already had adds
// nothing, so each buyer counts once per pair however often the job runs or they buy again.
import { DAY_MS } from '../units.js';

export const coPurchaseWindowMs = 180 * DAY_MS;
/** At most this many earlier purchases pair with a new one (bounds the work per order). */
export const coPurchaseHistoryLimit = 100;

/** Unordered pairs [a, b] with a < b; each pair once. */
export function coPurchasePairs(newIds: readonly string[], earlierIds: readonly string[]): [string, string][] {
  const fresh = [...new Set(newIds)];
  const freshSet = new Set(fresh);
  const others = [...new Set(earlierIds)].filter((id) => !freshSet.has(id));
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  const add = (x: string, y: string) => {
    if (x === y) return;
    const pair: [string, string] = x < y ? [x, y] : [y, x];
    const key = `${pair[0]}|${pair[1]}`;
    if (seen.has(key)) return;
    seen.add(key);
    pairs.push(pair);
  };
  for (const [i, x] of fresh.entries()) {
    for (const y of fresh.slice(i + 1)) add(x, y);
    for (const y of others) add(x, y);
  }
  return pairs;
}

/**
 * The counts a buyer's whole history yields, replayed in time order through `coPurchasePairs`:
 * what the worker arrives at, used to seed demo data and to check a backfill.
 */
export function replayCoPurchases(purchases: readonly { buyerId: string; listingIds: readonly string[]; atMs: number }[], windowMs = coPurchaseWindowMs): Map<string, number> {
  const counts = new Map<string, number>();
  const firstBought = new Map<string, Map<string, number>>();
  for (const p of [...purchases].sort((a, b) => a.atMs - b.atMs)) {
    const history = firstBought.get(p.buyerId) ?? new Map<string, number>();
    firstBought.set(p.buyerId, history);
    const fresh = [...new Set(p.listingIds)].filter((id) => !history.has(id));
    const earlier = [...history.entries()].filter(([, at]) => at >= p.atMs - windowMs).sort((a, b) => b[1] - a[1]).slice(0, coPurchaseHistoryLimit).map(([id]) => id);
    for (const [a, b] of coPurchasePairs(fresh, earlier)) counts.set(`${a}|${b}`, (counts.get(`${a}|${b}`) ?? 0) + 1);
    for (const id of fresh) history.set(id, p.atMs);
  }
  return counts;
}
