// Listing cards (services/search/listing-card.ts) by id and for the home page's new arrivals.
import type { EntityManager } from '@marketdesk/db';
import { listingCardColumns, listingCardFrom, toListingCard, type ListingCard } from '../services/search/listing-card.js';
import { placeholders, sql } from './sql.js';

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
    const rows = await sql(em, `select ${listingCardColumns} ${listingCardFrom} where l.id in (${placeholders(ids)})`, ids);
    return new Map(rows.map((r) => [r.id as string, { ...toListingCard(r), shippingMinor: Number(r.shipping_minor), deliverySlaDays: Number(r.delivery_sla_days), state: r.state as string }]));
  },

  /** The latest live listings with stock, newest first. */
  async newArrivals(em: EntityManager, limit: number): Promise<ListingCard[]> {
    const rows = await sql(em, `select ${listingCardColumns} ${listingCardFrom} where l.state = 'active' and l.quantity > 0 order by l.published_at desc nulls last, l.id desc limit ?`, [limit]);
    return rows.map(toListingCard);
  },
};
