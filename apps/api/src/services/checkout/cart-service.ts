// The cart: kept on the server for signed-in buyers, in local storage for guests (merged on login).
// `preview` prices any set of lines with the same domain rules the checkout will apply.
import { z } from 'zod';
import { cartLineSchema, computeCheckout, defaultTaxTable, mergeCarts, countryCodeSchema } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { cartRepository } from '../../repositories/cart-repository.js';
import { listingCardRepository, type CartListingCard } from '../../repositories/listing-card-repository.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import type { ListingCard } from '../search/listing-card.js';

export const cartLinesSchema = z.array(cartLineSchema).max(50);
export const cartPreviewSchema = z.object({ lines: cartLinesSchema, country: countryCodeSchema.default('DE') });

export interface CartView {
  lines: { listingId: string; quantity: number; listing: ListingCard; problem: string | null }[];
  totals: { itemsMinor: number; shippingMinor: number; taxMinor: number; totalMinor: number; taxBasisPoints: number; currency: string; orders: { sellerId: string; sellerName: string; itemsMinor: number; shippingMinor: number; taxMinor: number; totalMinor: number; deliverySlaDays: number }[] } | null;
}

export async function previewCart(em: EntityManager, lines: { listingId: string; quantity: number }[], country: string, feeBasisPoints: number, buyerId: string | null): Promise<CartView> {
  const byId = await listingCardRepository.cartCardsByIds(em, lines.map((l) => l.listingId));
  const view = lines.flatMap((line) => {
    const listing = byId.get(line.listingId);
    if (!listing) return [];
    const problem =
      listing.state !== 'active' && !listing.soldOut
        ? 'No longer available'
        : listing.soldOut
          ? 'Sold out'
          : listing.available < line.quantity
            ? `Only ${listing.available} left`
            : buyerId && listing.seller.id === buyerId
              ? 'This is your own listing'
              : null;
    return [{ listingId: line.listingId, quantity: line.quantity, listing: stripExtras(listing), problem }];
  });
  const buyable = view.filter((l) => !l.problem);
  if (buyable.length === 0) return { lines: view, totals: null };
  const result = computeCheckout({
    country,
    feeBasisPoints,
    taxTable: defaultTaxTable,
    lines: buyable.map((l) => {
      const c = byId.get(l.listingId)!;
      return { listingId: c.id, sellerId: c.seller.id, title: c.title, unitPriceMinor: c.priceMinor, quantity: l.quantity, shippingMinor: c.shippingMinor, deliverySlaDays: c.deliverySlaDays };
    }),
  });
  if (!result.ok) throw new AppError('BAD_REQUEST', result.message, { refusal: result.refusal });
  const t = result.checkout;
  const sellerName = (id: string) => buyable.find((l) => l.listing.seller.id === id)?.listing.seller.name ?? '';
  return {
    lines: view,
    totals: {
      itemsMinor: t.itemsMinor,
      shippingMinor: t.shippingMinor,
      taxMinor: t.taxMinor,
      totalMinor: t.totalMinor,
      taxBasisPoints: t.taxBasisPoints,
      currency: t.currency,
      orders: t.orders.map((o) => ({ sellerId: o.sellerId, sellerName: sellerName(o.sellerId), itemsMinor: o.itemsMinor, shippingMinor: o.shippingMinor, taxMinor: o.taxMinor, totalMinor: o.totalMinor, deliverySlaDays: o.deliverySlaDays })),
    },
  };
}

function stripExtras(c: CartListingCard): ListingCard {
  const { shippingMinor: _s, deliverySlaDays: _d, state: _st, ...card } = c;
  return card;
}

export const cartService = {
  async lines(em: EntityManager, userId: string): Promise<{ listingId: string; quantity: number }[]> {
    return cartRepository.lines(em, userId);
  },

  async set(em: EntityManager, userId: string, line: { listingId: string; quantity: number }, now: Date): Promise<void> {
    if (line.quantity === 0) {
      await cartRepository.removeLine(em, userId, line.listingId);
      return;
    }
    const listing = await listingRepository.stateAndSeller(em, line.listingId);
    if (!listing || !['active', 'sold_out'].includes(listing.state)) throw new AppError('NOT_FOUND', 'This listing is not available.');
    if (listing.sellerId === userId) throw new AppError('BAD_REQUEST', 'You cannot buy your own listing.');
    await cartRepository.setLine(em, userId, line, now);
  },

  /** Guest lines join the server cart: same listing → the larger quantity, capped at stock. */
  async merge(em: EntityManager, userId: string, guest: { listingId: string; quantity: number }[], now: Date): Promise<void> {
    await em.transactional(async (tx) => {
      const server = await cartService.lines(tx, userId);
      const ids = [...new Set([...server, ...guest].map((l) => l.listingId))];
      const stockBy = await listingRepository.stockBuyableBy(tx, ids, userId);
      const merged = mergeCarts(server, guest.filter((g) => g.listingId in stockBy), stockBy);
      await cartRepository.clear(tx, userId);
      // Added one millisecond apart, so the merged order is the order the lines are listed in.
      for (const [i, line] of merged.entries()) await cartRepository.insertLine(tx, userId, line, new Date(now.getTime() + i));
    });
  },
};
