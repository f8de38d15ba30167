// Signed-in buyers' carts: one row per (buyer, listing) with the quantity wanted, in the order the
// lines were added.
import type { CartLine } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { db } from './db.js';

export const cartRepository = {
  async lines(em: EntityManager, userId: string): Promise<CartLine[]> {
    return db(em).selectFrom('CartLine').select(['listing as listingId', 'quantity']).where('user', '=', userId).orderBy('addedAt').execute();
  },
  async removeLine(em: EntityManager, userId: string, listingId: string): Promise<void> {
    await db(em).deleteFrom('CartLine').where('user', '=', userId).where('listing', '=', listingId).execute();
  },
  /** Adds the line, or sets the quantity of the line already there (keeping its place). */
  async setLine(em: EntityManager, userId: string, line: CartLine, now: Date): Promise<void> {
    await db(em)
      .insertInto('CartLine')
      .values({ user: userId, listing: line.listingId, quantity: line.quantity, addedAt: now })
      .onConflict((oc) => oc.columns(['user', 'listing']).doUpdateSet((eb) => ({ quantity: eb.ref('excluded.quantity') })))
      .execute();
  },
  async clear(em: EntityManager, userId: string): Promise<void> {
    await db(em).deleteFrom('CartLine').where('user', '=', userId).execute();
  },
  async insertLine(em: EntityManager, userId: string, line: CartLine, addedAt: Date): Promise<void> {
    await db(em).insertInto('CartLine').values({ user: userId, listing: line.listingId, quantity: line.quantity, addedAt }).execute();
  },
  /** Takes out of the buyer's cart what this checkout bought (the listings it reserved). */
  async removeCheckedOut(em: EntityManager, buyerId: string, checkoutId: string): Promise<void> {
    await db(em)
      .deleteFrom('CartLine')
      .where('user', '=', buyerId)
      .where('listing', 'in', (eb) => eb.selectFrom('StockReservation as r').select('r.listing').where('r.checkout', '=', checkoutId))
      .execute();
  },
};
