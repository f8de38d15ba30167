// Discovery's write side: purchase history, co-purchase counts, popularity (views, purchases and
// the forward-decayed trend score, kept as a log: see packages/domain discovery/trend.ts) and
// per-buyer views. Bulk rows travel as one JSON parameter (jsonb_to_recordset), so a batch of any
// size is one statement.
import type { TrendSettings } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

/** log(e^old + e^new) in SQL; exp() is clamped because PostgreSQL errors on underflow. */
const logAdd = (old: string, add: string) => `case when ${old} is null then ${add} else greatest(${old}, ${add}) + ln(1 + exp(-least(abs(${old} - ${add}), 700))) end`;

export interface PopularityDelta {
  listingId: string;
  trendLog: number;
  views: number;
  purchases: number;
}

export interface DiscoveryRebuild {
  now: Date;
  /** Two purchases of one buyer pair up when paid within this long of each other. */
  coPurchaseWindowMs: number;
  trend: Pick<TrendSettings, 'purchaseWeight' | 'epochMs' | 'halfLifeMs'>;
}

export const discoveryRepository = {
  /** Serialises one buyer's purchases (concurrent orders of the same buyer would miss each other's pairs). */
  async lockBuyer(em: EntityManager, buyerId: string): Promise<void> {
    await sql(em, `select pg_advisory_xact_lock(hashtext(?))`, [`discovery:buyer:${buyerId}`]);
  },

  /** True the first time an order is counted; false when a redelivered job sees it again. */
  async markOrderProcessed(em: EntityManager, orderId: string, now: Date): Promise<boolean> {
    const rows = await sql(em, `insert into discovery_processed_orders (order_id, processed_at) values (?, ?) on conflict do nothing returning order_id`, [orderId, now]);
    return rows.length === 1;
  },

  async paidOrder(em: EntityManager, orderId: string): Promise<{ buyerId: string; paidAt: Date; items: { listingId: string; quantity: number }[] } | null> {
    const [order] = await sql(em, `select buyer_id, paid_at from orders where id = ?`, [orderId]);
    if (!order?.paid_at) return null;
    const items = await sql(em, `select listing_id, sum(quantity)::int as quantity from order_items where order_id = ? group by listing_id order by listing_id`, [orderId]);
    return { buyerId: order.buyer_id as string, paidAt: new Date(order.paid_at as string), items: items.map((r) => ({ listingId: r.listing_id as string, quantity: Number(r.quantity) })) };
  },

  /** The buyer's listings first bought at or after `since`, newest first. */
  async recentPurchases(em: EntityManager, buyerId: string, since: Date, limit: number): Promise<string[]> {
    const rows = await sql(em, `select listing_id from buyer_purchases where buyer_id = ? and first_bought_at >= ? order by first_bought_at desc, listing_id limit ?`, [buyerId, since, limit]);
    return rows.map((r) => r.listing_id as string);
  },

  /** Records first purchases; returns the listings this buyer had not bought before. */
  async addPurchases(em: EntityManager, buyerId: string, listingIds: string[], at: Date): Promise<string[]> {
    if (listingIds.length === 0) return [];
    const rows = await sql(
      em,
      `insert into buyer_purchases (buyer_id, listing_id, first_bought_at)
       select ?::uuid, x::uuid, ?::timestamptz from jsonb_array_elements_text(?::jsonb) x order by 1, 2
       on conflict do nothing returning listing_id`,
      [buyerId, at, JSON.stringify(listingIds)],
    );
    return rows.map((r) => r.listing_id as string);
  },

  /** +1 buyer for each pair, in both directions, rows in key order (no deadlocks between jobs). */
  async addCoPurchases(em: EntityManager, pairs: [string, string][], now: Date): Promise<void> {
    if (pairs.length === 0) return;
    const both = pairs.flatMap(([a, b]) => [{ a, b }, { a: b, b: a }]);
    await sql(
      em,
      `insert into listing_co_purchases (listing_id, other_id, buyers, updated_at)
       select p.a, p.b, 1, ?::timestamptz from jsonb_to_recordset(?::jsonb) as p(a uuid, b uuid) order by p.a, p.b
       on conflict (listing_id, other_id) do update set buyers = listing_co_purchases.buyers + 1, updated_at = excluded.updated_at`,
      [now, JSON.stringify(both)],
    );
  },

  /** Adds views/purchases and trend weight; listings deleted meanwhile are skipped. */
  async addPopularity(em: EntityManager, deltas: PopularityDelta[], now: Date): Promise<void> {
    if (deltas.length === 0) return;
    const sorted = [...deltas].sort((x, y) => (x.listingId < y.listingId ? -1 : 1));
    await sql(
      em,
      `insert into listing_popularity (listing_id, trend_log, views, purchases, updated_at)
       select d."listingId", d."trendLog", d.views, d.purchases, ?::timestamptz from jsonb_to_recordset(?::jsonb) as d("listingId" uuid, "trendLog" float8, views int, purchases int)
       join listings l on l.id = d."listingId" order by d."listingId"
       on conflict (listing_id) do update set
         views = listing_popularity.views + excluded.views,
         purchases = listing_popularity.purchases + excluded.purchases,
         trend_log = ${logAdd('listing_popularity.trend_log', 'excluded.trend_log')},
         updated_at = excluded.updated_at`,
      [now, JSON.stringify(sorted)],
    );
  },

  /** A signed-in buyer's views, aggregated per listing. */
  async addUserViews(em: EntityManager, views: { userId: string; listingId: string; views: number; lastViewedAt: Date }[]): Promise<void> {
    if (views.length === 0) return;
    await sql(
      em,
      `insert into listing_views (user_id, listing_id, views, last_viewed_at)
       select v."userId", v."listingId", v.views, v."lastViewedAt" from jsonb_to_recordset(?::jsonb) as v("userId" uuid, "listingId" uuid, views int, "lastViewedAt" timestamptz)
       join listings l on l.id = v."listingId" join users u on u.id = v."userId" order by 1, 2
       on conflict (user_id, listing_id) do update set views = listing_views.views + excluded.views, last_viewed_at = greatest(listing_views.last_viewed_at, excluded.last_viewed_at)`,
      [JSON.stringify(views)],
    );
  },

  /**
   * Replaces the derived tables (processed orders, purchases, co-purchases, purchase popularity)
   * with what the paid orders say; view counts are kept. Run it inside one transaction.
   */
  async rebuildFromOrders(tx: EntityManager, r: DiscoveryRebuild): Promise<{ orders: number; purchases: number; pairs: number }> {
    const { now, coPurchaseWindowMs, trend } = r;
    await sql(tx, `delete from listing_co_purchases`);
    await sql(tx, `delete from buyer_purchases`);
    await sql(tx, `delete from discovery_processed_orders`);
    const count = async (insert: string, params: unknown[] = []) => Number((await sql(tx, `with ins as (${insert} returning 1) select count(*) as n from ins`, params))[0]!.n);
    const orders = await count(`insert into discovery_processed_orders (order_id, processed_at) select id, ?::timestamptz from orders where paid_at is not null`, [now]);
    const purchases = await count(
      `insert into buyer_purchases (buyer_id, listing_id, first_bought_at)
       select o.buyer_id, i.listing_id, min(o.paid_at) from orders o join order_items i on i.order_id = o.id where o.paid_at is not null group by 1, 2`,
    );
    const pairs = await count(
      `insert into listing_co_purchases (listing_id, other_id, buyers, updated_at)
       select a.listing_id, b.listing_id, count(*), ?::timestamptz from buyer_purchases a
         join buyer_purchases b on b.buyer_id = a.buyer_id and b.listing_id <> a.listing_id
          and b.first_bought_at between a.first_bought_at - (? * interval '1 millisecond') and a.first_bought_at + (? * interval '1 millisecond')
        group by 1, 2`,
      [now, coPurchaseWindowMs, coPurchaseWindowMs],
    );
    // Purchases and their trend weight per listing: log Σ w·2^((t−epoch)/h), summed stably as
    // m + ln Σ exp(x − m) with m the largest term.
    await sql(tx, `update listing_popularity set purchases = 0, trend_log = null`);
    await sql(
      tx,
      `with terms as (
         select i.listing_id, sum(i.quantity)::int as q,
                ln(? * i.quantity) + (extract(epoch from o.paid_at) * 1000 - ?) / ? * ln(2) as x
           from orders o join order_items i on i.order_id = o.id where o.paid_at is not null group by i.listing_id, i.id, o.paid_at, i.quantity
       ), per as (
         select listing_id, sum(q)::int as purchases, max(x) as m from terms group by listing_id
       ), agg as (
         select p.listing_id, p.purchases, p.m + ln(sum(exp(greatest(t.x - p.m, -700)))) as trend_log from per p join terms t on t.listing_id = p.listing_id group by p.listing_id, p.purchases, p.m
       )
       insert into listing_popularity (listing_id, trend_log, views, purchases, updated_at)
       select listing_id, trend_log, 0, purchases, ?::timestamptz from agg
       on conflict (listing_id) do update set purchases = excluded.purchases,
         trend_log = excluded.trend_log, updated_at = excluded.updated_at`,
      [trend.purchaseWeight, trend.epochMs, trend.halfLifeMs, now],
    );
    return { orders, purchases, pairs };
  },
};
