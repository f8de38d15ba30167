// Saved listings per buyer.
import type { EntityManager } from '@marketdesk/db';
import type { ListingCard } from '../services/search/listing-card.js';
import { db } from './db.js';
import { listingCards, toCard } from './listing-card-query.js';

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
    const row = await db(em)
      .insertInto('WishlistItem')
      .values({ user: userId, listing: listing.id, savedPriceMinor: listing.priceMinor, savedSoldOut: listing.soldOut, createdAt: now })
      .onConflict((oc) => oc.doNothing())
      .returning('listing')
      .executeTakeFirst();
    return row !== undefined;
  },
  async remove(em: EntityManager, userId: string, listingId: string): Promise<boolean> {
    const { numDeletedRows } = await db(em).deleteFrom('WishlistItem').where('user', '=', userId).where('listing', '=', listingId).executeTakeFirstOrThrow();
    return numDeletedRows === 1n;
  },
  async list(em: EntityManager, userId: string, limit: number): Promise<WishlistEntry[]> {
    const rows = await listingCards(em)
      .innerJoin('WishlistItem as w', 'w.listing', 'l.id')
      .select(['w.savedPriceMinor', 'w.savedSoldOut', 'w.createdAt'])
      .where('w.user', '=', userId)
      .orderBy('w.createdAt', 'desc')
      .orderBy('l.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ listing: toCard(r), savedPriceMinor: r.savedPriceMinor, savedSoldOut: r.savedSoldOut, savedAt: r.createdAt, state: r.state }));
  },
  async ids(em: EntityManager, userId: string): Promise<string[]> {
    const rows = await db(em).selectFrom('WishlistItem').select('listing').where('user', '=', userId).orderBy('createdAt', 'desc').limit(1000).execute();
    return rows.map((r) => r.listing);
  },
  /** Who saved a listing (for price-drop and back-in-stock notifications). */
  async savers(em: EntityManager, listingId: string): Promise<string[]> {
    const rows = await db(em).selectFrom('WishlistItem').select('user').where('listing', '=', listingId).orderBy('user').execute();
    return rows.map((r) => r.user);
  },
};
