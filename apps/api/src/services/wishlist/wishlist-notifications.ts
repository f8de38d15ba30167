// Wishlist notifications: a saved listing got cheaper, or came back in stock. Planned by the
// notification rules (services/notifications/notification-rules.ts) for every person who saved
// the listing; the notification job then delivers each once per event and person (in the app
// and/or by email, as their preferences say).
//
// Only for a listing a buyer can buy when the job runs: a price cut that went to review with a
// description change, a paused or sold-out listing, or one that left the shop between the change
// and the job tells nobody ("Price drop" once led to "No longer for sale" with Add to cart disabled).
import { isListingBuyable } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { formatMinor } from '../../errors/format-money.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import { wishlistRepository } from '../../repositories/wishlist-repository.js';

export const wishlistNotificationKinds = ['wishlist_price_drop', 'wishlist_back_in_stock'] as const;
export type WishlistNotificationKind = (typeof wishlistNotificationKinds)[number];

export const wishlistNotificationLabels: Record<WishlistNotificationKind, string> = {
  wishlist_price_drop: 'A record on your wishlist is cheaper',
  wishlist_back_in_stock: 'A record on your wishlist is back in stock',
};

type Payload = Record<string, unknown>;
interface Planned {
  userId: string;
  kind: WishlistNotificationKind;
  title: string;
  body: string;
  link: string | null;
}

/** The listing and who saved it, or null when no one can buy it now (so there is nothing to tell). */
async function saversOf(em: EntityManager, p: Payload) {
  const listing = await listingRepository.findById(em, String(p.listingId));
  if (!listing || !isListingBuyable(listing)) return null;
  const savers = (await wishlistRepository.savers(em, listing.id)).filter((id) => id !== listing.sellerId);
  return { listing, savers };
}

export const wishlistRules = {
  async priceChanged(p: Payload, em: EntityManager): Promise<Planned[]> {
    const from = Number(p.fromMinor);
    const to = Number(p.toMinor);
    if (!(to < from)) return [];
    const found = await saversOf(em, p);
    if (!found) return [];
    const currency = String(p.currency ?? found.listing.currency);
    const price = formatMinor(to, currency);
    return found.savers.map((userId) => ({
      userId,
      kind: 'wishlist_price_drop' as const,
      title: `Price drop: ${found.listing.title} is now ${price}`,
      body: `${found.listing.title} on your wishlist dropped from ${formatMinor(from, currency)} to ${price}.`,
      link: `/l/${found.listing.slug}`,
    }));
  },
  async restocked(p: Payload, em: EntityManager): Promise<Planned[]> {
    const found = await saversOf(em, p);
    if (!found) return [];
    return found.savers.map((userId) => ({
      userId,
      kind: 'wishlist_back_in_stock' as const,
      title: `Back in stock: ${found.listing.title}`,
      body: `${found.listing.title} on your wishlist is available again (${formatMinor(found.listing.priceMinor, found.listing.currency)}).`,
      link: `/l/${found.listing.slug}`,
    }));
  },
};
