// Order lists for buyers and sellers, and one order with its lines.
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';
import { toOrder, type OrderRecord } from './checkout-repository.js';

export interface OrderListRow extends OrderRecord {
  buyerName: string;
  sellerName: string;
  itemCount: number;
  firstTitle: string;
}

const listColumns = `o.*, b.display_name as buyer_name, s.display_name as seller_name,
  (select count(*) from order_items i where i.order_id = o.id) as item_count,
  (select i.title from order_items i where i.order_id = o.id order by i.title limit 1) as first_title`;
const listFrom = `from orders o join users b on b.id = o.buyer_id join users s on s.id = o.seller_id`;

const toRow = (r: Record<string, unknown>): OrderListRow => ({
  ...toOrder(r),
  buyerName: r.buyer_name as string,
  sellerName: r.seller_name as string,
  itemCount: Number(r.item_count),
  firstTitle: (r.first_title as string) ?? '',
});

export const orderRepository = {
  async findById(em: EntityManager, id: string): Promise<OrderListRow | null> {
    const rows = await sql(em, `select ${listColumns} ${listFrom} where o.id = ?`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  },
  /** An order's number (what people call it), or null when there is no such order. */
  async numberOf(em: EntityManager, id: string): Promise<string | null> {
    const [row] = await sql(em, `select number from orders where id = ?`, [id]);
    return (row?.number as string | undefined) ?? null;
  },
  async listForBuyer(em: EntityManager, buyerId: string, limit: number): Promise<OrderListRow[]> {
    const rows = await sql(em, `select ${listColumns} ${listFrom} where o.buyer_id = ? and o.state <> 'awaiting_payment' order by o.created_at desc, o.number desc limit ?`, [buyerId, limit]);
    return rows.map(toRow);
  },
  /**
   * Paid-and-later orders of a seller (unpaid checkouts are the buyer's business), newest first,
   * optionally matching an order number, buyer name or item title; `offset` pages.
   */
  async listForSeller(em: EntityManager, sellerId: string, f: { states: string[] | null; q?: string | undefined; limit: number; offset: number }): Promise<{ rows: OrderListRow[]; total: number }> {
    const params: unknown[] = [sellerId];
    let where = `o.seller_id = ? and o.paid_at is not null`;
    if (f.states?.length) {
      where += ` and o.state in (${f.states.map(() => '?').join(',')})`;
      params.push(...f.states);
    }
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where += ` and (o.number ilike ? or b.display_name ilike ? or exists (select 1 from order_items i where i.order_id = o.id and i.title ilike ?))`;
      params.push(like, like, like);
    }
    const [rows, count] = await Promise.all([
      sql(em, `select ${listColumns} ${listFrom} where ${where} order by o.paid_at desc, o.number desc limit ? offset ?`, [...params, f.limit, f.offset]),
      sql(em, `select count(*) as n ${listFrom} where ${where}`, params),
    ]);
    return { rows: rows.map(toRow), total: Number(count[0]?.n ?? 0) };
  },
  /** Order counts per state for a seller's filter tabs. */
  async sellerStateCounts(em: EntityManager, sellerId: string): Promise<Record<string, number>> {
    const rows = await sql(em, `select state, count(*) as n from orders where seller_id = ? and paid_at is not null group by state`, [sellerId]);
    return Object.fromEntries(rows.map((r) => [r.state as string, Number(r.n)]));
  },
  async timeline(em: EntityManager, orderId: string) {
    const rows = await sql(em, `select id, seq, name, payload, actor_id, occurred_at from outbox_events where stream = ? order by seq`, [`order:${orderId}`]);
    return rows.map((r) => ({
      id: String(r.id),
      seq: Number(r.seq),
      name: r.name as string,
      payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>,
      actorId: (r.actor_id as string | null) ?? null,
      occurredAt: new Date(r.occurred_at as string),
    }));
  },
};
