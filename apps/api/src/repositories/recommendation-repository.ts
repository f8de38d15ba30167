// Discovery's read side: the listing cards behind each recommendation source. Every query returns
// live listings with stock only (a recommendation you cannot buy is noise: `l.state = 'active' and
// l.quantity > 0`) and reads one index range per source; bench/recommendations.ts measures them on
// 10,000 listings and 100,000 orders.
import type { EntityManager } from '@marketdesk/db';
import type { ListingCard } from '../services/search/listing-card.js';
import { db, sql } from './db.js';
import { listingCards, toCard } from './listing-card-query.js';

/** A listing's artist as listings_artist_index spells it, and its format: JSON keys the typed row leaves `unknown`. */
const artistOf = (alias: 'l') => sql<string>`lower(${sql.ref(`${alias}.attributes`)}->>'artist')`;
const formatOf = (alias: 'l') => sql<string>`${sql.ref(`${alias}.attributes`)}->>'format'`;

export const recommendationRepository = {
  /** Customers who bought this also bought: most shared buyers first. */
  async boughtTogether(em: EntityManager, listingId: string, limit: number): Promise<ListingCard[]> {
    const cp = db(em).selectFrom('ListingCoPurchase').select(['other', 'buyers']).where('listing', '=', listingId).orderBy('buyers', 'desc').orderBy('other').limit(200).as('cp');
    const rows = await listingCards(em)
      .innerJoin(cp, 'cp.other', 'l.id')
      .where('l.state', '=', 'active')
      .where('l.quantity', '>', 0)
      .orderBy('cp.buyers', 'desc')
      .orderBy('cp.other')
      .limit(limit)
      .execute();
    return rows.map(toCard);
  },

  /**
   * Same artist, similar title (trigram), same category: candidates from three indexes, scored
   * artist 3 + title similarity × 2 + category 1 + format 0.5. The trigram operator (`%`) and
   * similarity() are pg_trgm's, which the builder has no words for: hand-written fragments.
   */
  async similar(em: EntityManager, listingId: string, limit: number): Promise<ListingCard[]> {
    const top = db(em)
      .with('t', (qc) => qc.selectFrom('Listing as l').select(['l.id', 'l.category', 'l.title', artistOf('l').as('artist'), formatOf('l').as('format')]).where('l.id', '=', listingId))
      .with('cand', (qc) => {
        const live = qc.selectFrom(['Listing as l', 't']).select('l.id').whereRef('l.id', '<>', 't.id').where('l.state', '=', 'active').where('l.quantity', '>', 0).limit(100);
        // Each candidate source keeps its own limit, so each is a derived table of the union.
        return qc
          .selectFrom(live.where((eb) => eb(artistOf('l'), '=', eb.ref('t.artist'))).as('a'))
          .select('a.id')
          .union(qc.selectFrom(live.where(sql<boolean>`${sql.ref('l.title')} % ${sql.ref('t.title')}`).as('b')).select('b.id'))
          .union(qc.selectFrom(live.whereRef('l.category', '=', 't.category').as('c')).select('c.id'));
      })
      .selectFrom('cand')
      .innerJoin('Listing as l', 'l.id', 'cand.id')
      .crossJoin('t')
      .select((eb) => [
        'l.id',
        eb(
          eb(
            eb(eb.case().when(artistOf('l'), '=', eb.ref('t.artist')).then(eb.lit(3)).else(eb.lit(0)).end().$castTo<number>(), '+', eb(eb.lit(2).$castTo<number>(), '*', sql<number>`similarity(${sql.ref('l.title')}, ${sql.ref('t.title')})`)),
            '+',
            eb.case().when('l.category', '=', eb.ref('t.category')).then(eb.lit(1)).else(eb.lit(0)).end().$castTo<number>(),
          ),
          '+',
          eb.case().when(formatOf('l'), '=', eb.ref('t.format')).then(eb.lit(0.5)).else(eb.lit(0)).end().$castTo<number>(),
        ).as('score'),
      ])
      .orderBy('score', 'desc')
      .orderBy('l.id')
      .limit(limit)
      .as('top');
    const rows = await listingCards(em).innerJoin(top, 'top.id', 'l.id').orderBy('top.score', 'desc').orderBy('l.id').execute();
    return rows.map(toCard);
  },

  /** Highest forward-decayed score of views and purchases. */
  async trending(em: EntityManager, limit: number, excludeIds: string[] = []): Promise<ListingCard[]> {
    const p = db(em).selectFrom('ListingPopularity').select(['listing', 'trendLog']).where('trendLog', 'is not', null).orderBy('trendLog', (o) => o.desc().nullsLast()).limit(Math.max(100, limit * 4)).as('p');
    let query = listingCards(em).innerJoin(p, 'p.listing', 'l.id').where('l.state', '=', 'active').where('l.quantity', '>', 0);
    if (excludeIds.length > 0) query = query.where('l.id', 'not in', excludeIds);
    const rows = await query.orderBy('p.trendLog', 'desc').orderBy('l.id').limit(limit).execute();
    return rows.map(toCard);
  },

  /** All-time favourites: most bought, then most viewed. */
  async popular(em: EntityManager, limit: number): Promise<ListingCard[]> {
    const p = db(em).selectFrom('ListingPopularity').select(['listing', 'purchases', 'views']).orderBy('purchases', 'desc').orderBy('views', 'desc').limit(Math.max(200, limit * 4)).as('p');
    const rows = await listingCards(em)
      .innerJoin(p, 'p.listing', 'l.id')
      .where('l.state', '=', 'active')
      .where('l.quantity', '>', 0)
      .orderBy('p.purchases', 'desc')
      .orderBy('p.views', 'desc')
      .orderBy('l.id')
      .limit(limit)
      .execute();
    return rows.map(toCard);
  },

  async newArrivals(em: EntityManager, limit: number): Promise<ListingCard[]> {
    // Live listings always have published_at; plain `desc` lets the (published_at, id) index serve the order.
    const rows = await listingCards(em).where('l.state', '=', 'active').where('l.quantity', '>', 0).orderBy('l.publishedAt', 'desc').orderBy('l.id', 'desc').limit(limit).execute();
    return rows.map(toCard);
  },

  /**
   * For one buyer: neighbours (by co-purchase) of the last 12 things they bought (weight 2) and
   * looked at (weight 1), 40 strongest each, minus what they already have or saw.
   */
  async forBuyer(em: EntityManager, userId: string, limit: number): Promise<ListingCard[]> {
    // The seeds' listing is named `seed`: under a property's name, a CTE's column would be renamed on
    // the way in (listing_id) but not where the outer query refers to it.
    const rows = await db(em)
      .with('seeds', (qc) =>
        qc
          .selectFrom(qc.selectFrom('BuyerPurchase').select((eb) => ['listing as seed', eb.lit(2).$castTo<number>().as('w')]).where('buyer', '=', userId).orderBy('firstBoughtAt', 'desc').limit(12).as('bought'))
          .selectAll()
          .unionAll(qc.selectFrom(qc.selectFrom('ListingView').select((eb) => ['listing as seed', eb.lit(1).$castTo<number>().as('w')]).where('user', '=', userId).orderBy('lastViewedAt', 'desc').limit(12).as('viewed')).selectAll()),
      )
      .with('nb', (qc) =>
        qc
          .selectFrom('seeds as s')
          .innerJoinLateral(
            (eb) => eb.selectFrom('ListingCoPurchase as n').select(['n.other', 'n.buyers']).whereRef('n.listing', '=', 's.seed').orderBy('n.buyers', 'desc').limit(40).as('cp'),
            (join) => join.onTrue(),
          )
          .select((eb) => ['cp.other as id', eb.fn.sum<number>(eb(eb.ref('cp.buyers'), '*', eb.ref('s.w'))).as('score')])
          .groupBy('cp.other'),
      )
      .selectFrom('nb')
      // The card query as a derived table: it cannot take the statement's CTEs itself.
      .innerJoin(listingCards(em).as('card'), 'card.id', 'nb.id')
      .selectAll('card')
      .where('card.state', '=', 'active')
      .where('card.quantity', '>', 0)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('seeds as s').select(sql.lit(1).as('one')).whereRef('s.seed', '=', 'card.id'))))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('BuyerPurchase as bp').select(sql.lit(1).as('one')).where('bp.buyer', '=', userId).whereRef('bp.listing', '=', 'card.id'))))
      .orderBy('nb.score', 'desc')
      .orderBy('card.id')
      .limit(limit)
      .execute();
    return rows.map(toCard);
  },

  /** The listing the buyer looked at last (for "because you viewed"). */
  async lastViewed(em: EntityManager, userId: string): Promise<{ id: string; title: string } | null> {
    const row = await db(em)
      .selectFrom('ListingView as v')
      .innerJoin('Listing as l', 'l.id', 'v.listing')
      .select(['l.id', 'l.title'])
      .where('v.user', '=', userId)
      .orderBy('v.lastViewedAt', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  },

  async recentlyViewed(em: EntityManager, userId: string, limit: number): Promise<ListingCard[]> {
    const v = db(em).selectFrom('ListingView').select(['listing', 'lastViewedAt']).where('user', '=', userId).orderBy('lastViewedAt', 'desc').limit(limit).as('v');
    const rows = await listingCards(em).innerJoin(v, 'v.listing', 'l.id').where('l.state', 'in', ['active', 'sold_out']).orderBy('v.lastViewedAt', 'desc').execute();
    return rows.map(toCard);
  },
};
