// Signed-in buyers' carts: one row per (buyer, listing) with the quantity wanted, in the order the
// lines were added.
import type { CartLine } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export const cartRepository = {
  async lines(em: EntityManager, userId: string): Promise<CartLine[]> {
    const rows = await sql(em, `select listing_id, quantity from cart_lines where user_id = ? order by added_at`, [userId]);
    return rows.map((r) => ({ listingId: r.listing_id as string, quantity: Number(r.quantity) }));
  },
  async removeLine(em: EntityManager, userId: string, listingId: string): Promise<void> {
    await sql(em, `delete from cart_lines where user_id = ? and listing_id = ?`, [userId, listingId]);
  },
  /** Adds the line, or sets the quantity of the line already there (keeping its place). */
  async setLine(em: EntityManager, userId: string, line: CartLine, now: Date): Promise<void> {
    await sql(em, `insert into cart_lines (user_id, listing_id, quantity, added_at) values (?, ?, ?, ?) on conflict (user_id, listing_id) do update set quantity = excluded.quantity`, [userId, line.listingId, line.quantity, now]);
  },
  async clear(em: EntityManager, userId: string): Promise<void> {
    await sql(em, `delete from cart_lines where user_id = ?`, [userId]);
  },
  async insertLine(em: EntityManager, userId: string, line: CartLine, addedAt: Date): Promise<void> {
    await sql(em, `insert into cart_lines (user_id, listing_id, quantity, added_at) values (?, ?, ?, ?)`, [userId, line.listingId, line.quantity, addedAt]);
  },
  /** Takes out of the buyer's cart what this checkout bought (the listings it reserved). */
  async removeCheckedOut(em: EntityManager, buyerId: string, checkoutId: string): Promise<void> {
    await sql(em, `delete from cart_lines where user_id = ? and listing_id in (select listing_id from stock_reservations where checkout_id = ?)`, [buyerId, checkoutId]);
  },
};
