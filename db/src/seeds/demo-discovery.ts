// Demo purchase history for discovery, so "Bought together", "Trending now" and the personal rows
// have something to show on a fresh start. It is history from before the demo (no orders, no
// money): the buyers' first purchases, and the counts and scores the discovery jobs would have
// derived from them — computed with the same domain functions the jobs use.
import { addLogScores, defaultTrendSettings, replayCoPurchases, trendLogIncrement } from '@marketdesk/domain';
import type { EntityManager } from '../orm.js';
import { BuyerPurchase, Listing, ListingCoPurchase, ListingPopularity, User } from '../entities/index.js';

const DAY_MS = 86_400_000;

/**
 * Baskets by demo buyer: [email, days ago, listings by "Artist – Title"]. A buyer's purchases within
 * 180 days pair up across baskets too, so buyers 1–3 keep to electronic records and 4–5 to jazz and rock.
 */
const baskets: [string, number, string[]][] = [
  ['buyer1@marketdesk.test', 20, ['Daft Punk – Discovery', 'Kraftwerk – Trans-Europe Express']],
  ['buyer2@marketdesk.test', 16, ['Daft Punk – Discovery', 'Kraftwerk – Trans-Europe Express', 'Aphex Twin – Selected Ambient Works 85-92']],
  ['buyer3@marketdesk.test', 12, ['Daft Punk – Discovery']],
  ['buyer3@marketdesk.test', 9, ['Kraftwerk – Trans-Europe Express', 'Massive Attack – Mezzanine']],
  ['buyer4@marketdesk.test', 8, ['Miles Davis – Kind of Blue', 'John Coltrane – A Love Supreme']],
  ['buyer5@marketdesk.test', 6, ['Miles Davis – Kind of Blue', 'John Coltrane – A Love Supreme', 'Herbie Hancock – Head Hunters']],
  ['buyer4@marketdesk.test', 5, ['Pink Floyd – The Dark Side of the Moon', 'Led Zeppelin – Led Zeppelin IV']],
  ['buyer5@marketdesk.test', 4, ['Pink Floyd – The Dark Side of the Moon', 'The Beatles – Abbey Road']],
  ['buyer4@marketdesk.test', 3, ['Radiohead – OK Computer']],
  ['buyer5@marketdesk.test', 2, ['Pink Floyd – The Dark Side of the Moon', 'Led Zeppelin – Led Zeppelin IV', 'Fleetwood Mac – Rumours']],
];

/** Recent page views per listing (count, days ago), for trending. */
const views: [string, number, number][] = [
  ['Daft Punk – Discovery', 40, 1],
  ['Pink Floyd – The Dark Side of the Moon', 30, 1],
  ['Kraftwerk – Trans-Europe Express', 22, 2],
  ['Miles Davis – Kind of Blue', 18, 2],
  ['Radiohead – OK Computer', 12, 1],
  ['The Beatles – Abbey Road', 10, 3],
];

export function persistDiscoveryHistory(em: EntityManager, people: User[], listings: Listing[], nowMs: number): void {
  const byTitle = new Map(listings.map((l) => [l.title, l]));
  const listingFor = (title: string) => {
    const l = byTitle.get(title);
    if (!l) throw new Error(`demo discovery: no listing "${title}"`);
    return l;
  };
  const person = (email: string) => people.find((p) => p.email === email)!;
  const purchases = baskets.map(([email, daysAgo, titles]) => ({ buyerId: person(email).id, listingIds: titles.map((t) => listingFor(t).id), atMs: nowMs - daysAgo * DAY_MS }));

  const firstBought = new Map<string, number>();
  for (const p of purchases) for (const id of p.listingIds) if (!firstBought.has(`${p.buyerId}|${id}`)) firstBought.set(`${p.buyerId}|${id}`, p.atMs);
  for (const [key, at] of firstBought) {
    const [buyerId, listingId] = key.split('|') as [string, string];
    em.persist(Object.assign(new BuyerPurchase(), { buyer: em.getReference(User, buyerId), listing: em.getReference(Listing, listingId), firstBoughtAt: new Date(at) }));
  }
  for (const [pair, buyers] of replayCoPurchases(purchases)) {
    const [a, b] = pair.split('|') as [string, string];
    for (const [x, y] of [[a, b], [b, a]] as const) {
      em.persist(Object.assign(new ListingCoPurchase(), { listing: em.getReference(Listing, x), other: em.getReference(Listing, y), buyers, updatedAt: new Date(nowMs) }));
    }
  }

  const popularity = new Map<string, { trendLog: number | null; views: number; purchases: number }>();
  const bump = (listingId: string, weight: number, atMs: number, kind: 'views' | 'purchases', n: number) => {
    const p = popularity.get(listingId) ?? { trendLog: null, views: 0, purchases: 0 };
    p[kind] += n;
    p.trendLog = addLogScores(p.trendLog, trendLogIncrement(weight, atMs));
    popularity.set(listingId, p);
  };
  for (const p of purchases) for (const id of p.listingIds) bump(id, defaultTrendSettings.purchaseWeight, p.atMs, 'purchases', 1);
  for (const [title, count, daysAgo] of views) bump(listingFor(title).id, defaultTrendSettings.viewWeight * count, nowMs - daysAgo * DAY_MS, 'views', count);
  for (const [listingId, p] of popularity) em.persist(Object.assign(new ListingPopularity(), { listing: em.getReference(Listing, listingId), ...p, updatedAt: new Date(nowMs) }));
}
