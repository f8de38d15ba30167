// Saved listings per buyer.
import type { EntityManager } from '@marketdesk/db';
import { listingCardColumns, toListingCard, type ListingCard } from '../services/search/listing-card.js';
import { sql } from './sql.js';

export interface WishlistEntry {
  listing: ListingCard;
  savedPriceMinor: number;
  savedSoldOut: boolean;
  savedAt: Date;
  state: string;
}

export const wishlistRepository = {
  /** Saves once; a second save keeps the original price and date. Returns true when newly saved. */
  async save(em: EntityManager, userId: string, listing: { id: string; priceMinor: number; soldOut: boolean }, now: Date): Promise<boolean> {
    const rows = await sql(em, `insert into wishlist_items (user_id, listing_id, saved_price_minor, saved_sold_out, created_at) values (?, ?, ?, ?, ?) on conflict do nothing returning listing_id`, [userId, listing.id, listing.priceMinor, listing.soldOut, now]);
    return rows.length === 1;
  },
  async remove(em: EntityManager, userId: string, listingId: string): Promise<boolean> {
    return (await sql(em, `delete from wishlist_items where user_id = ? and listing_id = ? returning listing_id`, [userId, listingId])).length === 1;
  },
  async list(em: EntityManager, userId: string, limit: number): Promise<WishlistEntry[]> {
    const rows = await sql(
      em,
      `select ${listingCardColumns}, w.saved_price_minor, w.saved_sold_out, w.created_at as saved_at
         from wishlist_items w join listings l on l.id = w.listing_id join users u on u.id = l.seller_id join categories c on c.id = l.category_id
        where w.user_id = ? order by w.created_at desc, l.id limit ?`,
      [userId, limit],
    );
    return rows.map((r) => ({ listing: toListingCard(r), savedPriceMinor: Number(r.saved_price_minor), savedSoldOut: Boolean(r.saved_sold_out), savedAt: new Date(r.saved_at as string), state: r.state as string }));
  },
  async ids(em: EntityManager, userId: string): Promise<string[]> {
    return (await sql(em, `select listing_id from wishlist_items where user_id = ? order by created_at desc limit 1000`, [userId])).map((r) => r.listing_id as string);
  },
  /** Who saved a listing (for price-drop and back-in-stock notifications). */
  async savers(em: EntityManager, listingId: string): Promise<string[]> {
    return (await sql(em, `select user_id from wishlist_items where listing_id = ? order by user_id`, [listingId])).map((r) => r.user_id as string);
  },
};
