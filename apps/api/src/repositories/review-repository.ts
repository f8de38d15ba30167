// Reviews and their aggregates (per seller, per listing through the orders that sold it).
import type { EntityManager } from '@marketdesk/db';
import { sql, type Row } from './sql.js';

export interface ReviewRecord {
  id: string;
  orderId: string;
  buyerId: string;
  buyerName: string;
  sellerId: string;
  rating: number;
  body: string;
  sellerReply: string | null;
  sellerRepliedAt: Date | null;
  hidden: boolean;
  hiddenReason: string | null;
  editableUntil: Date;
  createdAt: Date;
  updatedAt: Date;
}

const toReview = (r: Row): ReviewRecord => ({
  id: r.id as string,
  orderId: r.order_id as string,
  buyerId: r.buyer_id as string,
  buyerName: (r.buyer_name as string) ?? '',
  sellerId: r.seller_id as string,
  rating: Number(r.rating),
  body: r.body as string,
  sellerReply: (r.seller_reply as string | null) ?? null,
  sellerRepliedAt: r.seller_replied_at ? new Date(r.seller_replied_at as string) : null,
  hidden: Boolean(r.hidden),
  hiddenReason: (r.hidden_reason as string | null) ?? null,
  editableUntil: new Date(r.editable_until as string),
  createdAt: new Date(r.created_at as string),
  updatedAt: new Date(r.updated_at as string),
});

const select = `select r.*, b.display_name as buyer_name from reviews r join users b on b.id = r.buyer_id`;

export interface Aggregate {
  count: number;
  average: number | null;
}

const toAggregate = (r: Row | undefined): Aggregate => ({ count: Number(r?.n ?? 0), average: r?.avg == null ? null : Math.round(Number(r.avg) * 10) / 10 });

export const reviewRepository = {
  /** false when this buyer already reviewed the order (the unique constraint decides, under races too). */
  async insert(em: EntityManager, r: { id: string; orderId: string; buyerId: string; sellerId: string; rating: number; body: string; editableUntil: Date; now: Date }): Promise<boolean> {
    const rows = await sql(
      em,
      `insert into reviews (id, order_id, buyer_id, seller_id, rating, body, hidden, editable_until, created_at, updated_at) values (?, ?, ?, ?, ?, ?, false, ?, ?, ?)
       on conflict on constraint reviews_order_buyer_unique do nothing returning id`,
      [r.id, r.orderId, r.buyerId, r.sellerId, r.rating, r.body, r.editableUntil, r.now, r.now],
    );
    return rows.length === 1;
  },
  async find(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<ReviewRecord | null> {
    if (opts.forUpdate) await sql(em, `select id from reviews where id = ? for update`, [id]);
    const rows = await sql(em, `${select} where r.id = ?`, [id]);
    return rows[0] ? toReview(rows[0]) : null;
  },
  async findByOrder(em: EntityManager, orderId: string): Promise<ReviewRecord | null> {
    const rows = await sql(em, `${select} where r.order_id = ?`, [orderId]);
    return rows[0] ? toReview(rows[0]) : null;
  },
  async update(em: EntityManager, id: string, changes: { rating?: number; body?: string; sellerReply?: string; hidden?: boolean; hiddenReason?: string | null }, now: Date): Promise<void> {
    const map: Record<string, string> = { rating: 'rating', body: 'body', sellerReply: 'seller_reply', hidden: 'hidden', hiddenReason: 'hidden_reason' };
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
    const extra = changes.sellerReply !== undefined ? ', seller_replied_at = ?' : '';
    await sql(em, `update reviews set ${entries.map(([k]) => `${map[k]} = ?`).join(', ')}, updated_at = ?${extra} where id = ?`, [...entries.map(([, v]) => v), now, ...(extra ? [now] : []), id]);
  },
  async forSeller(em: EntityManager, sellerId: string, opts: { includeHidden: boolean; limit: number }): Promise<{ reviews: ReviewRecord[]; aggregate: Aggregate }> {
    const [rows, agg] = await Promise.all([
      sql(em, `${select} where r.seller_id = ?${opts.includeHidden ? '' : ' and not r.hidden'} order by r.created_at desc limit ?`, [sellerId, opts.limit]),
      sql(em, `select count(*) as n, avg(rating) as avg from reviews where seller_id = ? and not hidden`, [sellerId]),
    ]);
    return { reviews: rows.map(toReview), aggregate: toAggregate(agg[0]) };
  },
  async forListing(em: EntityManager, listingId: string, limit: number): Promise<{ reviews: ReviewRecord[]; aggregate: Aggregate }> {
    const ofListing = `r.order_id in (select order_id from order_items where listing_id = ?) and not r.hidden`;
    const [rows, agg] = await Promise.all([
      sql(em, `${select} where ${ofListing} order by r.created_at desc limit ?`, [listingId, limit]),
      sql(em, `select count(*) as n, avg(rating) as avg from reviews r where ${ofListing}`, [listingId]),
    ]);
    return { reviews: rows.map(toReview), aggregate: toAggregate(agg[0]) };
  },
};
