// The cart: kept on the server for signed-in buyers, in local storage for guests (merged on login).
// `preview` prices any set of lines with the same domain rules the checkout will apply.
import { z } from 'zod';
import { cartLineSchema, computeCheckout, defaultTaxTable, mergeCarts, countryCodeSchema } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { placeholders, sql } from '../../repositories/sql.js';
import { listingCardColumns, listingCardFrom, toListingCard, type ListingCard } from '../search/listing-card.js';

export const cartLinesSchema = z.array(cartLineSchema).max(50);
export const cartPreviewSchema = z.object({ lines: cartLinesSchema, country: countryCodeSchema.default('DE') });

export interface CartView {
  lines: { listingId: string; quantity: number; listing: ListingCard; problem: string | null }[];
  totals: { itemsMinor: number; shippingMinor: number; taxMinor: number; totalMinor: number; taxBasisPoints: number; currency: string; orders: { sellerId: string; sellerName: string; itemsMinor: number; shippingMinor: number; taxMinor: number; totalMinor: number; deliverySlaDays: number }[] } | null;
}

async function cards(em: EntityManager, ids: string[]): Promise<Map<string, ListingCard & { shippingMinor: number; deliverySlaDays: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await sql(em, `select ${listingCardColumns} ${listingCardFrom} where l.id in (${placeholders(ids)})`, ids);
  return new Map(rows.map((r) => [r.id as string, { ...toListingCard(r), shippingMinor: Number(r.shipping_minor), deliverySlaDays: Number(r.delivery_sla_days), state: r.state }]));
}

export async function previewCart(em: EntityManager, lines: { listingId: string; quantity: number }[], country: string, feeBasisPoints: number, buyerId: string | null): Promise<CartView> {
  const byId = await cards(em, lines.map((l) => l.listingId));
  const view = lines.flatMap((line) => {
    const listing = byId.get(line.listingId);
    if (!listing) return [];
    const problem =
      (listing as { state?: string }).state !== 'active' && !listing.soldOut
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

function stripExtras(c: ListingCard & { shippingMinor?: number; deliverySlaDays?: number; state?: unknown }): ListingCard {
  const { shippingMinor: _s, deliverySlaDays: _d, state: _st, ...card } = c;
  return card;
}

export const cartService = {
  async lines(em: EntityManager, userId: string): Promise<{ listingId: string; quantity: number }[]> {
    const rows = await sql(em, `select listing_id, quantity from cart_lines where user_id = ? order by added_at`, [userId]);
    return rows.map((r) => ({ listingId: r.listing_id as string, quantity: Number(r.quantity) }));
  },

  async set(em: EntityManager, userId: string, line: { listingId: string; quantity: number }, now: Date): Promise<void> {
    if (line.quantity === 0) {
      await sql(em, `delete from cart_lines where user_id = ? and listing_id = ?`, [userId, line.listingId]);
      return;
    }
    const [listing] = await sql(em, `select state, seller_id from listings where id = ?`, [line.listingId]);
    if (!listing || !['active', 'sold_out'].includes(listing.state as string)) throw new AppError('NOT_FOUND', 'This listing is not available.');
    if (listing.seller_id === userId) throw new AppError('BAD_REQUEST', 'You cannot buy your own listing.');
    await sql(em, `insert into cart_lines (user_id, listing_id, quantity, added_at) values (?, ?, ?, ?) on conflict (user_id, listing_id) do update set quantity = excluded.quantity`, [userId, line.listingId, line.quantity, now]);
  },

  /** Guest lines join the server cart: same listing → the larger quantity, capped at stock. */
  async merge(em: EntityManager, userId: string, guest: { listingId: string; quantity: number }[], now: Date): Promise<void> {
    await em.transactional(async (tx) => {
      const server = await cartService.lines(tx, userId);
      const ids = [...new Set([...server, ...guest].map((l) => l.listingId))];
      const stock = ids.length ? await sql(tx, `select id, quantity from listings where id in (${placeholders(ids)}) and state in ('active', 'sold_out') and seller_id <> ?`, [...ids, userId]) : [];
      const stockBy = Object.fromEntries(stock.map((r) => [r.id as string, Number(r.quantity)]));
      const merged = mergeCarts(server, guest.filter((g) => g.listingId in stockBy), stockBy);
      await sql(tx, `delete from cart_lines where user_id = ?`, [userId]);
      for (const [i, line] of merged.entries()) {
        await sql(tx, `insert into cart_lines (user_id, listing_id, quantity, added_at) values (?, ?, ?, ?)`, [userId, line.listingId, line.quantity, new Date(now.getTime() + i)]);
      }
    });
  },
};
