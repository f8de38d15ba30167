// Recommendations and wishlists on real PostgreSQL + Redis: paid orders feed "bought together"
// through the order.placed job (once, however often it runs, matching the domain's replay),
// views are buffered in Redis and flushed into trending and personal rows, every widget falls back
// to popular items when its source is empty or too slow, and wishlists save, list and unsave.
import { randomUUID } from 'node:crypto';
import { replayCoPurchases } from '@marketdesk/domain';
import { startApiWithPayments } from './payments-harness.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushViews } from '../src/services/discovery/flush-views.js';
import { recommendationRow, resetPopularCache } from '../src/services/discovery/recommendations.js';
import { recordPurchase } from '../src/services/discovery/record-purchase.js';
import { rebuildDiscovery } from '../src/services/discovery/rebuild.js';
import { createJobContext } from '../src/jobs/job-context.js';
import { deliverNotificationsJob } from '../src/jobs/notifications/deliver-notifications.js';
import { notificationsFor } from '../src/services/notifications/notification-rules.js';
import pino from 'pino';
import { address, createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, registerUser, until, type RunningApi } from './harness.js';

let api: RunningApi;
let closeAll: () => Promise<void>;
let seller: Person;
let admin: Person;
let categoryId: string;

beforeAll(async () => {
  ({ api, close: closeAll } = await startApiWithPayments({ WORKER_IN_PROCESS: 'true' }));
  [seller, admin] = await Promise.all([registerUser(api, { roles: ['seller', 'buyer'] }), registerUser(api, { roles: ['admin'] })]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  await closeAll();
});

const exec = (q: string, params: unknown[] = []) => api.app.db.orm.em.fork().getConnection().execute(q, params) as Promise<Record<string, unknown>[]>;

async function buy(buyer: Person, listings: { id: string; priceMinor: number }[]) {
  const started = await client(api).checkout.start.mutate({ idempotencyKey: key(), address, lines: listings.map((l) => ({ listingId: l.id, quantity: 1, priceMinor: l.priceMinor })) }, { cookie: buyer.cookie });
  if (!started.data) throw new Error(JSON.stringify(started.error));
  const paid = await client(api).checkout.payWithTestCard.mutate({ checkoutId: started.data.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: buyer.cookie });
  if (paid.error) throw new Error(JSON.stringify(paid.error));
  return started.data.orders.map((o) => o.id);
}

async function listing(title: string, priceMinor = 2_000, attributes: Record<string, string> = {}) {
  const l = await createLiveListing(api, seller, admin, { categoryId, title, priceMinor, quantity: 5, attributes });
  return { ...l, priceMinor, title };
}

describe('bought together', () => {
  it('counts each buyer once per pair from paid orders, idempotently, and shows the neighbours', async () => {
    const tag = key().slice(4, 10);
    const [a, b, c, d] = [await listing(`Bought A ${tag}`), await listing(`Bought B ${tag}`), await listing(`Bought C ${tag}`), await listing(`Bought D ${tag}`)];
    const [u1, u2, u3] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
    const orders = [...(await buy(u1, [a, b])), ...(await buy(u1, [c])), ...(await buy(u2, [a])), ...(await buy(u2, [b])), ...(await buy(u3, [a, d]))];

    // The order.placed job counts them (worker in this process).
    const counts = async () => Object.fromEntries((await exec(`select listing_id, other_id, buyers from listing_co_purchases where listing_id in (?, ?, ?, ?)`, [a.id, b.id, c.id, d.id])).map((r) => [`${String(r.listing_id)}>${String(r.other_id)}`, Number(r.buyers)]));
    await until(async () => (await exec(`select count(*)::int as n from discovery_processed_orders where order_id in (${orders.map(() => '?').join(',')})`, orders))[0]!.n, (n) => n === orders.length);
    // Each order counted once: running the job's service again changes nothing.
    for (const id of orders) expect((await recordPurchase(api.app.db.orm.em.fork(), id, new Date())).counted).toBe(false);

    const expected = replayCoPurchases([
      { buyerId: 'u1', listingIds: [a.id, b.id], atMs: 1 },
      { buyerId: 'u1', listingIds: [c.id], atMs: 2 },
      { buyerId: 'u2', listingIds: [a.id], atMs: 3 },
      { buyerId: 'u2', listingIds: [b.id], atMs: 4 },
      { buyerId: 'u3', listingIds: [a.id, d.id], atMs: 5 },
    ]);
    const both = Object.fromEntries([...expected].flatMap(([pair, n]) => {
      const [x, y] = pair.split('|');
      return [[`${x}>${y}`, n], [`${y}>${x}`, n]];
    }));
    expect(await counts()).toEqual(both);
    expect(both[`${a.id}>${b.id}`]).toBe(2);

    const row = (await client(api).discovery.boughtTogether.query({ listingId: a.id, limit: 6 })).data!;
    expect(row).toMatchObject({ source: 'bought_together', title: 'Bought together', fallback: false });
    expect(row.items.map((i) => i.id)).toEqual([b.id, ...[c.id, d.id].sort()]);
    // A buyer's purchases count towards popularity and trending.
    expect((await exec(`select purchases from listing_popularity where listing_id = ?`, [a.id]))[0]).toMatchObject({ purchases: 3 });

    // Rebuilding from the orders (backfill) arrives at the same counts as the job did.
    const rebuilt = await rebuildDiscovery(api.app.db.orm.em.fork(), new Date());
    expect(rebuilt.orders).toBeGreaterThanOrEqual(orders.length);
    expect(await counts()).toEqual(both);
    expect((await exec(`select purchases from listing_popularity where listing_id = ?`, [a.id]))[0]).toMatchObject({ purchases: 3 });
  });
});

describe('views, trending and personal rows', () => {
  it('buffers views in Redis (one per visitor per half hour) and flushes them into trending and the buyer’s rows', async () => {
    const tag = key().slice(4, 10);
    const hot = await listing(`Trending hot ${tag}`);
    const buyer = await registerUser(api);
    const visitors = Array.from({ length: 30 }, () => randomUUID().replace(/-/g, ''));
    for (const visitorId of visitors) expect((await client(api).discovery.recordView.mutate({ listingId: hot.id, visitorId })).data).toEqual({ recorded: true });
    expect((await client(api).discovery.recordView.mutate({ listingId: hot.id, visitorId: visitors[0] })).data).toEqual({ recorded: false });
    await client(api).discovery.recordView.mutate({ listingId: hot.id }, { cookie: buyer.cookie });

    await flushViews(api.app.db.orm.em.fork(), api.app.redis, api.app.services.config.REDIS_PREFIX, new Date());
    expect((await exec(`select views from listing_popularity where listing_id = ?`, [hot.id]))[0]).toMatchObject({ views: 31 });
    expect((await exec(`select views from listing_views where listing_id = ?`, [hot.id]))).toEqual([{ views: 1 }]);

    const trending = (await client(api).discovery.trending.query({ limit: 3 })).data!;
    expect(trending).toMatchObject({ source: 'trending', fallback: false });
    expect(trending.items[0]!.id).toBe(hot.id);

    const rows = (await client(api).discovery.home.query({ limit: 6 }, { cookie: buyer.cookie })).data!;
    expect(rows.map((r) => r.title)).toEqual([`Because you viewed ${hot.title}`, 'Recently viewed', 'Trending now']);
    expect(rows[1]!.items.map((i) => i.id)).toEqual([hot.id]);
    const anonymous = (await client(api).discovery.home.query({ limit: 6 })).data!;
    expect(anonymous.map((r) => r.source)).toEqual(['trending']);
  });

  it('flushes buffered views on its own schedule (the repeatable discovery.flushViews job)', async () => {
    const l = await listing(`Scheduled flush ${key().slice(4, 10)}`);
    await client(api).discovery.recordView.mutate({ listingId: l.id, visitorId: randomUUID().replace(/-/g, '') });
    const views = await until(async () => Number((await exec(`select views from listing_popularity where listing_id = ?`, [l.id]))[0]?.views ?? 0), (n) => n === 1, 25_000);
    expect(views).toBe(1);
  }, 30_000);

  it('shows popular items when a source is empty or too slow, never an empty widget', async () => {
    const lonely = await listing(`Nobody bought this ${key().slice(4, 10)}`, 1_500, { artist: `Unknown ${randomUUID()}` });
    resetPopularCache();
    const row = (await client(api).discovery.boughtTogether.query({ listingId: lonely.id, limit: 4 })).data!;
    expect(row).toMatchObject({ source: 'popular', title: 'Popular right now', fallback: true });
    expect(row.items.length).toBeGreaterThan(0);
    expect(row.items.map((i) => i.id)).not.toContain(lonely.id);

    const warnings: string[] = [];
    const slow = await recommendationRow(api.app.db.orm.em.fork(), { key: 'slow', source: 'similar', title: 'Similar records', limit: 4 }, () => new Promise(() => {}), { timeoutMs: 30, log: { warn: (_o, msg) => void warnings.push(msg) } });
    expect(slow).toMatchObject({ source: 'popular', fallback: true });
    expect(slow.items.length).toBeGreaterThan(0);
    expect(warnings).toEqual(['recommendation source too slow; showing popular items']);
    const failing = await recommendationRow(api.app.db.orm.em.fork(), { key: 'bad', source: 'similar', title: 'Similar records', limit: 4 }, () => Promise.reject(new Error('boom')), { timeoutMs: 1_000 });
    expect(failing.fallback).toBe(true);
  });

  it('finds similar records by artist and title', async () => {
    const artist = `Artist ${randomUUID().slice(0, 8)}`;
    const base = await listing(`${artist} – Blue River`, 2_000, { artist, format: 'LP' });
    const sameArtist = await listing(`${artist} – Golden Night`, 2_000, { artist, format: 'LP' });
    const row = (await client(api).discovery.similar.query({ listingId: base.id, limit: 4 })).data!;
    expect(row).toMatchObject({ source: 'similar', fallback: false });
    expect(row.items[0]!.id).toBe(sameArtist.id);
  });
});

describe('wishlist', () => {
  it('saves, lists with changes since saving, and unsaves', async () => {
    const l = await listing(`Wishlisted ${key().slice(4, 10)}`, 3_000);
    const buyer = await registerUser(api);
    expect((await client(api).wishlist.save.mutate({ listingId: l.id })).error?.data.code).toBe('UNAUTHORIZED');
    expect((await client(api).wishlist.save.mutate({ listingId: randomUUID() }, { cookie: buyer.cookie })).error?.data.code).toBe('NOT_FOUND');
    await client(api).wishlist.save.mutate({ listingId: l.id }, { cookie: buyer.cookie });
    expect((await client(api).wishlist.ids.query(undefined, { cookie: buyer.cookie })).data).toEqual([l.id]);

    // The seller lowers the price: recorded in the price history, shown as a drop on the wishlist.
    const current = (await exec(`select version from listings where id = ?`, [l.id]))[0]!;
    const edited = await client(api).listings.update.mutate({ id: l.id, version: Number(current.version), priceMinor: 2_500 }, { cookie: seller.cookie });
    expect(edited.error).toBeUndefined();
    expect(await exec(`select reason, from_minor, to_minor from listing_price_changes where listing_id = ?`, [l.id])).toEqual([{ reason: 'seller', from_minor: 3_000, to_minor: 2_500 }]);
    const list = (await client(api).wishlist.list.query(undefined, { cookie: buyer.cookie })).data!;
    expect(list[0]).toMatchObject({ savedPriceMinor: 3_000, priceDropMinor: 500 });
    const notified = await until(async () => (await client(api).notifications.list.query({ limit: 20 }, { cookie: buyer.cookie })).data!.items.filter((n) => n.kind === 'wishlist_price_drop'), (n) => n.length > 0);
    expect(notified).toHaveLength(1);

    await client(api).wishlist.remove.mutate({ listingId: l.id }, { cookie: buyer.cookie });
    expect((await client(api).wishlist.ids.query(undefined, { cookie: buyer.cookie })).data).toEqual([]);
  });
});

describe('wishlist notifications go out only for a listing a buyer can buy', () => {
  const version = async (id: string) => Number((await exec(`select version from listings where id = ?`, [id]))[0]!.version);
  const edit = async (id: string, patch: Record<string, unknown>) => {
    const res = await client(api).listings.update.mutate({ id, version: await version(id), ...patch }, { cookie: seller.cookie });
    if (!res.data) throw new Error(JSON.stringify(res.error));
    return res.data.state;
  };
  const lastEvent = async (listingId: string, name: string) => {
    const [row] = await exec(`select id, payload from outbox_events where name = ? and payload->>'listingId' = ? order by id desc limit 1`, [name, listingId]);
    if (!row) throw new Error(`no ${name} for ${listingId}`);
    return { id: String(row.id), payload: (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<string, unknown> };
  };
  /**
   * Runs the notification job for the listing's latest `name` event now, as the worker would, so a
   * test can tell "nothing was sent" from "not sent yet" (the worker in this process may run it too).
   */
  const deliver = async (listingId: string, name: string) => {
    const event = await lastEvent(listingId, name);
    await deliverNotificationsJob.handle(createJobContext(api.app.services.config, api.app.db, pino({ level: 'silent' }), api.app.gateway), { outboxId: event.id });
  };
  const wishlistNotes = async (buyer: Person, slug: string) => (await client(api).notifications.list.query({ limit: 50 }, { cookie: buyer.cookie })).data!.items.filter((n) => n.kind.startsWith('wishlist_') && n.link === `/l/${slug}`);
  async function savedListing(title: string, quantity = 3) {
    const unique = `${title} ${key().slice(4, 10)}`;
    const l = await createLiveListing(api, seller, admin, { categoryId, title: unique, priceMinor: 3_000, quantity });
    const buyer = await registerUser(api);
    await client(api).wishlist.save.mutate({ listingId: l.id }, { cookie: buyer.cookie });
    return { ...l, title: unique, buyer };
  }

  it('a price drop on a live listing tells the wishlister', async () => {
    const l = await savedListing('Live drop');
    expect(await edit(l.id, { priceMinor: 2_400 })).toBe('active');
    const notes = await until(() => wishlistNotes(l.buyer, l.slug), (n) => n.length > 0);
    expect(notes.map((n) => [n.kind, n.title])).toEqual([['wishlist_price_drop', `Price drop: ${l.title} is now €24.00`]]);
  });

  it('a price drop saved with a description change (off to review) tells no one', async () => {
    const l = await savedListing('Review drop');
    expect(await edit(l.id, { priceMinor: 2_400, description: 'Now with the inner sleeve.' })).toBe('pending_review');
    await deliver(l.id, 'listing.price_changed');
    expect(await wishlistNotes(l.buyer, l.slug)).toEqual([]);
  });

  it('a price drop on a paused listing tells no one', async () => {
    const l = await savedListing('Paused drop');
    expect((await client(api).listings.command.mutate({ id: l.id, version: await version(l.id), command: 'pause' }, { cookie: seller.cookie })).error).toBeUndefined();
    expect(await edit(l.id, { priceMinor: 2_400 })).toBe('paused');
    await deliver(l.id, 'listing.price_changed');
    expect(await wishlistNotes(l.buyer, l.slug)).toEqual([]);
  });

  it('a price drop on a sold-out listing tells no one; restocking it does', async () => {
    const l = await savedListing('Sold out drop', 1);
    await buy(await registerUser(api), [{ id: l.id, priceMinor: 3_000 }]);
    await until(async () => (await exec(`select state from listings where id = ?`, [l.id]))[0]!.state, (state) => state === 'sold_out');
    expect(await edit(l.id, { priceMinor: 2_400 })).toBe('sold_out');
    await deliver(l.id, 'listing.price_changed');
    expect(await wishlistNotes(l.buyer, l.slug)).toEqual([]);

    expect(await edit(l.id, { quantity: 2 })).toBe('active');
    const notes = await until(() => wishlistNotes(l.buyer, l.slug), (n) => n.length > 0);
    expect(notes.map((n) => n.kind)).toEqual(['wishlist_back_in_stock']);
  });

  it('decides when it sends: a listing that left the shop after the change tells no one', async () => {
    const l = await savedListing('Meanwhile drop');
    expect(await edit(l.id, { priceMinor: 2_400 })).toBe('active');
    const drop = await lastEvent(l.id, 'listing.price_changed');
    expect((await notificationsFor(api.app.db, 'listing.price_changed', drop.payload)).map((n) => n.userId)).toEqual([l.buyer.id]);
    // The seller edits the description before the job runs: the listing is in review now.
    expect(await edit(l.id, { description: 'Added a photo of the label.' })).toBe('pending_review');
    expect(await notificationsFor(api.app.db, 'listing.price_changed', drop.payload)).toEqual([]);
  });
});
