// Reviews and their aggregates (per seller, per listing through the orders that sold it).
import type { EntityManager } from '@marketdesk/db';
import { db, type DB } from './db.js';

type ReviewRow = DB['Review'];

/** A review as the services read it: its row, with the order, buyer and seller by id and the buyer's display name. */
export interface ReviewRecord extends Omit<ReviewRow, 'order' | 'buyer' | 'seller'> {
  orderId: string;
  buyerId: string;
  buyerName: string;
  sellerId: string;
}

const reviews = (em: EntityManager) => db(em).selectFrom('Review as r').innerJoin('User as b', 'b.id', 'r.buyer').selectAll('r').select('b.displayName as buyerName');
const toReview = ({ order, buyer, seller, ...r }: ReviewRow & { buyerName: string }): ReviewRecord => ({ ...r, orderId: order, buyerId: buyer, sellerId: seller });

export interface Aggregate {
  count: number;
  average: number | null;
}

/** count and avg come back as text (int8, numeric): read through Number(). */
const aggregates = (em: EntityManager) =>
  db(em)
    .selectFrom('Review as r')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.avg<string | number | null>('r.rating').as('avg')]);
const toAggregate = (r: { n: string | number; avg: string | number | null } | undefined): Aggregate => ({ count: Number(r?.n ?? 0), average: r?.avg == null ? null : Math.round(Number(r.avg) * 10) / 10 });

/** The orders that sold the listing (its reviews are theirs). */
const ordersOf = (em: EntityManager, listingId: string) => db(em).selectFrom('OrderItem').select('order').where('listing', '=', listingId);

export const reviewRepository = {
  /** false when this buyer already reviewed the order (the unique constraint decides, under races too). */
  async insert(em: EntityManager, r: { id: string; orderId: string; buyerId: string; sellerId: string; rating: number; body: string; editableUntil: Date; now: Date }): Promise<boolean> {
    const row = await db(em)
      .insertInto('Review')
      .values({ id: r.id, order: r.orderId, buyer: r.buyerId, seller: r.sellerId, rating: r.rating, body: r.body, hidden: false, editableUntil: r.editableUntil, createdAt: r.now, updatedAt: r.now })
      .onConflict((oc) => oc.constraint('reviews_order_buyer_unique').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },
  /** With `forUpdate`, the review's row stays locked until the caller's transaction ends (the buyer's is not locked). */
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReviewRecord | null> {
    const query = reviews(em).where('r.id', '=', id);
    const row = await (opts.forUpdate ? query.forUpdate(['r']) : query).executeTakeFirst();
    return row ? toReview(row) : null;
  },
  async findByOrder(em: EntityManager, orderId: string): Promise<ReviewRecord | null> {
    const row = await reviews(em).where('r.order', '=', orderId).executeTakeFirst();
    return row ? toReview(row) : null;
  },
  async update(em: EntityManager, id: string, changes: { rating?: number; body?: string; sellerReply?: string; hidden?: boolean; hiddenReason?: string | null }, now: Date): Promise<void> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as typeof changes;
    await db(em)
      .updateTable('Review')
      .set({ ...set, updatedAt: now, ...(changes.sellerReply !== undefined ? { sellerRepliedAt: now } : {}) })
      .where('id', '=', id)
      .execute();
  },
  async forSeller(em: EntityManager, sellerId: string, opts: { includeHidden: boolean; limit: number }): Promise<{ reviews: ReviewRecord[]; aggregate: Aggregate }> {
    let query = reviews(em).where('r.seller', '=', sellerId);
    if (!opts.includeHidden) query = query.where('r.hidden', '=', false);
    const [rows, agg] = await Promise.all([
      query.orderBy('r.createdAt', 'desc').limit(opts.limit).execute(),
      aggregates(em).where('r.seller', '=', sellerId).where('r.hidden', '=', false).executeTakeFirst(),
    ]);
    return { reviews: rows.map(toReview), aggregate: toAggregate(agg) };
  },
  async forListing(em: EntityManager, listingId: string, limit: number): Promise<{ reviews: ReviewRecord[]; aggregate: Aggregate }> {
    const [rows, agg] = await Promise.all([
      reviews(em).where('r.order', 'in', ordersOf(em, listingId)).where('r.hidden', '=', false).orderBy('r.createdAt', 'desc').limit(limit).execute(),
      aggregates(em).where('r.order', 'in', ordersOf(em, listingId)).where('r.hidden', '=', false).executeTakeFirst(),
    ]);
    return { reviews: rows.map(toReview), aggregate: toAggregate(agg) };
  },
};
