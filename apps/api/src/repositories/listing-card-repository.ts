// Listing cards (services/search/listing-card.ts) by id and for the home page's new arrivals.
import type { EntityManager } from '@marketdesk/db';
import type { ListingCard } from '../services/search/listing-card.js';
import { listingCards, toCard } from './listing-card-query.js';

/** A card with what pricing a cart line needs, and the listing's state. */
export interface CartListingCard extends ListingCard {
  shippingMinor: number;
  deliverySlaDays: number;
  state: string;
}

export const listingCardRepository = {
  /** Cards of these listings in any state, by id (ids with no listing are absent). */
  async cartCardsByIds(em: EntityManager, ids: string[]): Promise<Map<string, CartListingCard>> {
    if (ids.length === 0) return new Map();
    const rows = await listingCards(em)
      .select(['l.shippingMinor', 'l.deliverySlaDays'])
      .where('l.id', 'in', ids)
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          ...toCard(r),
          shippingMinor: r.shippingMinor,
          deliverySlaDays: r.deliverySlaDays,
          state: r.state,
        },
      ]),
    );
  },

  /** The latest live listings with stock, newest first. */
  async newArrivals(em: EntityManager, limit: number): Promise<ListingCard[]> {
    const rows = await listingCards(em)
      .where('l.state', '=', 'active')
      .where('l.quantity', '>', 0)
      .orderBy('l.publishedAt', (ob) => ob.desc().nullsLast())
      .orderBy('l.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toCard);
  },
};
