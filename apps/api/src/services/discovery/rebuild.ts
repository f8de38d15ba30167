// Rebuilds discovery's derived tables from the orders themselves: for a store that turns
// discovery on with years of orders, after a restore, or to check the incremental job. The same
// rules as the job (packages/domain discovery/co-purchase.ts): a buyer counts once per pair of
// listings first bought within the window of each other; purchases weigh in popularity and the
// trend score at the time they were paid. View counts are kept; the trend score restarts from
// purchases alone (when each view happened is not stored).
// One transaction: readers see the old counts until it commits.
import { coPurchaseWindowMs, defaultTrendSettings as trend } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { sql } from '../../repositories/sql.js';

export async function rebuildDiscovery(em: EntityManager, now: Date): Promise<{ orders: number; purchases: number; pairs: number }> {
  return em.transactional(async (tx) => {
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
  });
}
