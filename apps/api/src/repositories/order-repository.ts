// Order lists for buyers and sellers, and one order with its lines.
import type { EntityManager } from '@marketdesk/db';
import type { OrderRecord } from './checkout-repository.js';
import { db } from './db.js';

export interface OrderListRow extends OrderRecord {
  buyerName: string;
  sellerName: string;
  itemCount: number;
  firstTitle: string;
}

/** Orders (`o`) with the buyer (`b`) and seller (`s`) joined, for the lists' filters. */
const ordersWithPeople = (em: EntityManager) =>
  db(em)
    .selectFrom('Order as o')
    .innerJoin('User as b', 'b.id', 'o.buyer')
    .innerJoin('User as s', 's.id', 'o.seller');

/** A list row's columns: the order's row, the parties' names, its line count and first title. */
const withListColumns = (q: ReturnType<typeof ordersWithPeople>) =>
  q.selectAll('o').select((eb) => [
    'b.displayName as buyerName',
    's.displayName as sellerName',
    eb
      .selectFrom('OrderItem as i')
      .select((ib) => ib.fn.countAll().as('n'))
      .whereRef('i.order', '=', 'o.id')
      .as('itemCount'),
    eb
      .selectFrom('OrderItem as i')
      .select('i.title')
      .whereRef('i.order', '=', 'o.id')
      .orderBy('i.title')
      .limit(1)
      .as('firstTitle'),
  ]);

const orderList = (em: EntityManager) => withListColumns(ordersWithPeople(em));

type OrderListSelectRow = Awaited<
  ReturnType<ReturnType<typeof orderList>['executeTakeFirstOrThrow']>
>;

const toRow = ({
  checkout,
  buyer,
  seller,
  itemCount,
  firstTitle,
  ...o
}: OrderListSelectRow): OrderListRow => ({
  ...o,
  checkoutId: checkout,
  buyerId: buyer,
  sellerId: seller,
  itemCount: Number(itemCount ?? 0),
  firstTitle: firstTitle ?? '',
});

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const orderRepository = {
  async findById(em: EntityManager, id: string): Promise<OrderListRow | null> {
    const row = await orderList(em).where('o.id', '=', id).executeTakeFirst();
    return row ? toRow(row) : null;
  },
  /** An order's number (what people call it), or null when there is no such order. */
  async numberOf(em: EntityManager, id: string): Promise<string | null> {
    const row = await db(em)
      .selectFrom('Order')
      .select('number')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.number ?? null;
  },
  async listForBuyer(em: EntityManager, buyerId: string, limit: number): Promise<OrderListRow[]> {
    const rows = await orderList(em)
      .where('o.buyer', '=', buyerId)
      .where('o.state', '<>', 'awaiting_payment')
      .orderBy('o.createdAt', 'desc')
      .orderBy('o.number', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRow);
  },
  /**
   * Paid-and-later orders of a seller (unpaid checkouts are the buyer's business), newest first,
   * optionally matching an order number, buyer name or item title; `offset` pages.
   */
  async listForSeller(
    em: EntityManager,
    sellerId: string,
    f: { states: string[] | null; q?: string | undefined; limit: number; offset: number },
  ): Promise<{ rows: OrderListRow[]; total: number }> {
    const like = f.q ? likePattern(f.q) : null;
    // The page and the count share one filter.
    const filtered = ordersWithPeople(em)
      .where('o.seller', '=', sellerId)
      .where('o.paidAt', 'is not', null)
      .$if(Boolean(f.states?.length), (w) => w.where('o.state', 'in', f.states!))
      .$if(like !== null, (w) =>
        w.where((eb) =>
          eb.or([
            eb('o.number', 'ilike', like!),
            eb('b.displayName', 'ilike', like!),
            eb.exists(
              eb
                .selectFrom('OrderItem as i')
                .select('i.id')
                .whereRef('i.order', '=', 'o.id')
                .where('i.title', 'ilike', like!),
            ),
          ]),
        ),
      );
    // One after another: in a transaction both would share one connection.
    const rows = await withListColumns(filtered)
      .orderBy('o.paidAt', 'desc')
      .orderBy('o.number', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const count = await filtered.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    return { rows: rows.map(toRow), total: Number(count?.n ?? 0) };
  },
  /** Order counts per state for a seller's filter tabs. */
  async sellerStateCounts(em: EntityManager, sellerId: string): Promise<Record<string, number>> {
    const rows = await db(em)
      .selectFrom('Order')
      .select((eb) => ['state', eb.fn.countAll().as('n')])
      .where('seller', '=', sellerId)
      .where('paidAt', 'is not', null)
      .groupBy('state')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  },
  async timeline(em: EntityManager, orderId: string) {
    const rows = await db(em)
      .selectFrom('OutboxEvent')
      .select(['id', 'seq', 'name', 'payload', 'actorId', 'occurredAt'])
      .where('stream', '=', `order:${orderId}`)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      id: String(r.id),
      seq: Number(r.seq),
      name: r.name,
      payload: r.payload as Record<string, unknown>,
      actorId: r.actorId ?? null,
      occurredAt: r.occurredAt,
    }));
  },
};
