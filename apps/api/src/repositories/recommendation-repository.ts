// Discovery's read side: the listing cards behind each recommendation source. Every query returns
// live listings with stock only (a recommendation you cannot buy is noise) and reads one index
// range per source; bench/recommendations.ts measures them on 10,000 listings and 100,000 orders.
import type { EntityManager } from '@marketdesk/db';
import { listingCardColumns, listingCardFrom, toListingCard, type ListingCard } from '../services/search/listing-card.js';
import { sql } from './sql.js';

const buyable = `l.state = 'active' and l.quantity > 0`;

export const recommendationRepository = {
  /** Customers who bought this also bought: most shared buyers first. */
  async boughtTogether(em: EntityManager, listingId: string, limit: number): Promise<ListingCard[]> {
    const rows = await sql(
      em,
      `select ${listingCardColumns} from (select other_id, buyers from listing_co_purchases where listing_id = ? order by buyers desc, other_id limit 200) cp
       join listings l on l.id = cp.other_id join users u on u.id = l.seller_id join categories c on c.id = l.category_id
       where ${buyable} order by cp.buyers desc, cp.other_id limit ?`,
      [listingId, limit],
    );
    return rows.map(toListingCard);
  },

  /**
   * Same artist, similar title (trigram), same category: candidates from three indexes, scored
   * artist 3 + title similarity × 2 + category 1 + format 0.5.
   */
  async similar(em: EntityManager, listingId: string, limit: number): Promise<ListingCard[]> {
    const rows = await sql(
      em,
      `with t as (select id, category_id, title, lower(attributes->>'artist') as artist, attributes->>'format' as format from listings where id = ?),
       cand as (
         (select l.id from listings l, t where lower(l.attributes->>'artist') = t.artist and l.id <> t.id and ${buyable} limit 100)
         union
         (select l.id from listings l, t where l.title % t.title and l.id <> t.id and ${buyable} limit 100)
         union
         (select l.id from listings l, t where l.category_id = t.category_id and l.id <> t.id and ${buyable} limit 100)
       ),
       top as (
         select l.id, (case when lower(l.attributes->>'artist') = t.artist then 3 else 0 end) + 2 * similarity(l.title, t.title)
           + (case when l.category_id = t.category_id then 1 else 0 end) + (case when l.attributes->>'format' = t.format then 0.5 else 0 end) as score
         from cand join listings l on l.id = cand.id cross join t order by score desc, l.id limit ?
       )
       select ${listingCardColumns} from top join listings l on l.id = top.id join users u on u.id = l.seller_id join categories c on c.id = l.category_id
       order by top.score desc, l.id`,
      [listingId, limit],
    );
    return rows.map(toListingCard);
  },

  /** Highest forward-decayed score of views and purchases. */
  async trending(em: EntityManager, limit: number, excludeIds: string[] = []): Promise<ListingCard[]> {
    const rows = await sql(
      em,
      `select ${listingCardColumns} from (select listing_id, trend_log from listing_popularity where trend_log is not null order by trend_log desc nulls last limit ?) p
       join listings l on l.id = p.listing_id join users u on u.id = l.seller_id join categories c on c.id = l.category_id
       where ${buyable} and not (l.id = any(?::uuid[])) order by p.trend_log desc, l.id limit ?`,
      [Math.max(100, limit * 4), `{${excludeIds.join(',')}}`, limit],
    );
    return rows.map(toListingCard);
  },

  /** All-time favourites: most bought, then most viewed. */
  async popular(em: EntityManager, limit: number): Promise<ListingCard[]> {
    const rows = await sql(
      em,
      `select ${listingCardColumns} from (select listing_id, purchases, views from listing_popularity order by purchases desc, views desc limit ?) p
       join listings l on l.id = p.listing_id join users u on u.id = l.seller_id join categories c on c.id = l.category_id
       where ${buyable} order by p.purchases desc, p.views desc, l.id limit ?`,
      [Math.max(200, limit * 4), limit],
    );
    return rows.map(toListingCard);
  },

  async newArrivals(em: EntityManager, limit: number): Promise<ListingCard[]> {
    // Live listings always have published_at; plain `desc` lets the (published_at, id) index serve the order.
    const rows = await sql(em, `select ${listingCardColumns} ${listingCardFrom} where ${buyable} order by l.published_at desc, l.id desc limit ?`, [limit]);
    return rows.map(toListingCard);
  },

  /**
   * For one buyer: neighbours (by co-purchase) of the last 12 things they bought (weight 2) and
   * looked at (weight 1), 40 strongest each, minus what they already have or saw.
   */
  async forBuyer(em: EntityManager, userId: string, limit: number): Promise<ListingCard[]> {
    const rows = await sql(
      em,
      `with seeds as (
         (select listing_id, 2.0 as w from buyer_purchases where buyer_id = ? order by first_bought_at desc limit 12)
         union all
         (select listing_id, 1.0 as w from listing_views where user_id = ? order by last_viewed_at desc limit 12)
       ),
       nb as (
         select cp.other_id as id, sum(cp.buyers * s.w) as score from seeds s
         cross join lateral (select other_id, buyers from listing_co_purchases where listing_id = s.listing_id order by buyers desc limit 40) cp
         group by cp.other_id
       )
       select ${listingCardColumns} from nb join listings l on l.id = nb.id join users u on u.id = l.seller_id join categories c on c.id = l.category_id
       where ${buyable} and not exists (select 1 from seeds s where s.listing_id = l.id)
         and not exists (select 1 from buyer_purchases bp where bp.buyer_id = ? and bp.listing_id = l.id)
       order by nb.score desc, l.id limit ?`,
      [userId, userId, userId, limit],
    );
    return rows.map(toListingCard);
  },

  /** The listing the buyer looked at last (for "because you viewed"). */
  async lastViewed(em: EntityManager, userId: string): Promise<{ id: string; title: string } | null> {
    const [row] = await sql(em, `select l.id, l.title from listing_views v join listings l on l.id = v.listing_id where v.user_id = ? order by v.last_viewed_at desc limit 1`, [userId]);
    return row ? { id: row.id as string, title: row.title as string } : null;
  },

  async recentlyViewed(em: EntityManager, userId: string, limit: number): Promise<ListingCard[]> {
    const rows = await sql(
      em,
      `select ${listingCardColumns} from (select listing_id, last_viewed_at from listing_views where user_id = ? order by last_viewed_at desc limit ?) v
       join listings l on l.id = v.listing_id join users u on u.id = l.seller_id join categories c on c.id = l.category_id
       where l.state in ('active', 'sold_out') order by v.last_viewed_at desc`,
      [userId, limit],
    );
    return rows.map(toListingCard);
  },
};
