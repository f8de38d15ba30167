// A buyer's wishlist: save and unsave listings, and read them with what changed since saving —
// a lower price than when saved, or back in stock after being saved while sold out.
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import { wishlistRepository } from '../../repositories/wishlist-repository.js';
import type { ListingCard } from '../search/listing-card.js';

const saveable = new Set(['active', 'sold_out', 'paused']);

export interface WishlistItemView {
  listing: ListingCard;
  savedAt: Date;
  savedPriceMinor: number;
  /** How much cheaper than when saved (null when not cheaper). */
  priceDropMinor: number | null;
  backInStock: boolean;
  /** No longer for sale (archived or under review). */
  unavailable: boolean;
}

export const wishlistService = {
  async save(em: EntityManager, userId: string, listingId: string, now: Date) {
    const listing = await listingRepository.findById(em, listingId);
    if (!listing || !saveable.has(listing.state)) throw new AppError('NOT_FOUND', 'This listing is not available to save.');
    const saved = await wishlistRepository.save(em, userId, { id: listing.id, priceMinor: listing.priceMinor, soldOut: listing.state === 'sold_out' || listing.quantity === 0 }, now);
    return { saved: true as const, created: saved };
  },
  async remove(em: EntityManager, userId: string, listingId: string) {
    await wishlistRepository.remove(em, userId, listingId);
    return { saved: false as const };
  },
  ids: (em: EntityManager, userId: string) => wishlistRepository.ids(em, userId),
  async list(em: EntityManager, userId: string): Promise<WishlistItemView[]> {
    const entries = await wishlistRepository.list(em, userId, 500);
    return entries.map((e) => ({
      listing: e.listing,
      savedAt: e.savedAt,
      savedPriceMinor: e.savedPriceMinor,
      priceDropMinor: e.listing.priceMinor < e.savedPriceMinor ? e.savedPriceMinor - e.listing.priceMinor : null,
      backInStock: e.savedSoldOut && !e.listing.soldOut && e.state === 'active',
      unavailable: e.state !== 'active' && e.state !== 'sold_out',
    }));
  },
};
