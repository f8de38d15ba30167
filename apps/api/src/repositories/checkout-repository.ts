// Checkouts, their orders (one per seller), order lines and stock reservations.
import type { AddressSnapshot, EntityManager } from '@marketdesk/db';
import type { EscrowHold } from '@marketdesk/domain';
import { placeholders, sql, type Row } from './sql.js';

export interface CheckoutRecord {
  id: string;
  buyerId: string;
  state: 'awaiting_payment' | 'paid' | 'failed' | 'expired';
  currency: string;
  itemsMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  feeMinor: number;
  address: AddressSnapshot;
  providerPaymentId: string | null;
  failureMessage: string | null;
  expiresAt: Date;
  paidAt: Date | null;
  createdAt: Date;
  /** Where the buyer checked out from (velocity by IP). */
  clientIp?: string | null;
  riskScore?: number | null;
  riskReasons?: { code: string; points: number; detail: string }[];
}

export interface OrderRecord {
  id: string;
  number: string;
  checkoutId: string;
  buyerId: string;
  sellerId: string;
  state: string;
  version: number;
  currency: string;
  itemsMinor: number;
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
  feeMinor: number;
  refundedMinor: number;
  deliverySlaDays: number;
  address: AddressSnapshot;
  hold: EscrowHold | null;
  paidAt: Date | null;
  carrier: string | null;
  trackingNumber: string | null;
  shipmentProofKey: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrderChanges {
  state?: string;
  hold?: EscrowHold | null;
  refundedMinor?: number;
  carrier?: string;
  trackingNumber?: string;
  shipmentProofKey?: string | null;
  shippedAt?: Date;
  deliveredAt?: Date;
  completedAt?: Date;
  paidAt?: Date;
}

const orderColumns: Record<keyof OrderChanges, string> = {
  state: 'state',
  hold: 'hold',
  refundedMinor: 'refunded_minor',
  carrier: 'carrier',
  trackingNumber: 'tracking_number',
  shipmentProofKey: 'shipment_proof_key',
  shippedAt: 'shipped_at',
  deliveredAt: 'delivered_at',
  completedAt: 'completed_at',
  paidAt: 'paid_at',
};

export interface OrderItemRecord {
  id: string;
  orderId: string;
  listingId: string;
  title: string;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
}

export interface ReservationRecord {
  id: string;
  checkoutId: string;
  listingId: string;
  quantity: number;
  state: 'held' | 'converted' | 'released';
  expiresAt: Date;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));

function toCheckout(r: Row): CheckoutRecord {
  return {
    id: r.id as string,
    buyerId: r.buyer_id as string,
    state: r.state as CheckoutRecord['state'],
    currency: r.currency as string,
    itemsMinor: Number(r.items_minor),
    shippingMinor: Number(r.shipping_minor),
    taxMinor: Number(r.tax_minor),
    totalMinor: Number(r.total_minor),
    feeMinor: Number(r.fee_minor),
    address: json<AddressSnapshot>(r.address),
    providerPaymentId: (r.provider_payment_id as string | null) ?? null,
    failureMessage: (r.failure_message as string | null) ?? null,
    expiresAt: date(r.expires_at)!,
    paidAt: date(r.paid_at),
    createdAt: date(r.created_at)!,
    clientIp: (r.client_ip as string | null) ?? null,
    riskScore: r.risk_score == null ? null : Number(r.risk_score),
    riskReasons: r.risk_reasons == null ? [] : json<{ code: string; points: number; detail: string }[]>(r.risk_reasons),
  };
}

export function toOrder(r: Row): OrderRecord {
  return {
    id: r.id as string,
    number: r.number as string,
    checkoutId: r.checkout_id as string,
    buyerId: r.buyer_id as string,
    sellerId: r.seller_id as string,
    state: r.state as string,
    version: Number(r.version),
    currency: r.currency as string,
    itemsMinor: Number(r.items_minor),
    shippingMinor: Number(r.shipping_minor),
    taxMinor: Number(r.tax_minor),
    totalMinor: Number(r.total_minor),
    feeMinor: Number(r.fee_minor),
    refundedMinor: Number(r.refunded_minor),
    deliverySlaDays: Number(r.delivery_sla_days),
    address: json<AddressSnapshot>(r.address),
    hold: r.hold == null ? null : json<EscrowHold>(r.hold),
    paidAt: date(r.paid_at),
    carrier: (r.carrier as string | null) ?? null,
    trackingNumber: (r.tracking_number as string | null) ?? null,
    shipmentProofKey: (r.shipment_proof_key as string | null) ?? null,
    shippedAt: date(r.shipped_at),
    deliveredAt: date(r.delivered_at),
    completedAt: date(r.completed_at),
    createdAt: date(r.created_at)!,
    updatedAt: date(r.updated_at)!,
  };
}

function toItem(r: Row): OrderItemRecord {
  return {
    id: r.id as string,
    orderId: r.order_id as string,
    listingId: r.listing_id as string,
    title: r.title as string,
    unitPriceMinor: Number(r.unit_price_minor),
    quantity: Number(r.quantity),
    lineTotalMinor: Number(r.line_total_minor),
  };
}

function toReservation(r: Row): ReservationRecord {
  return {
    id: r.id as string,
    checkoutId: r.checkout_id as string,
    listingId: r.listing_id as string,
    quantity: Number(r.quantity),
    state: r.state as ReservationRecord['state'],
    expiresAt: date(r.expires_at)!,
  };
}

export const checkoutRepository = {
  async insertCheckout(em: EntityManager, c: Omit<CheckoutRecord, 'providerPaymentId' | 'failureMessage' | 'paidAt'>): Promise<void> {
    await sql(
      em,
      `insert into checkouts (id, buyer_id, state, currency, items_minor, shipping_minor, tax_minor, total_minor, fee_minor, address, expires_at, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.id, c.buyerId, c.state, c.currency, c.itemsMinor, c.shippingMinor, c.taxMinor, c.totalMinor, c.feeMinor, JSON.stringify(c.address), c.expiresAt, c.createdAt],
    );
  },

  async nextOrderNumber(em: EntityManager): Promise<string> {
    const [row] = await sql(em, `select nextval('order_number_seq') as n`);
    return `MD-${String(row!.n).padStart(6, '0')}`;
  },

  async insertOrder(em: EntityManager, o: Omit<OrderRecord, 'hold' | 'paidAt' | 'refundedMinor' | 'version' | 'updatedAt' | 'carrier' | 'trackingNumber' | 'shipmentProofKey' | 'shippedAt' | 'deliveredAt' | 'completedAt'>): Promise<void> {
    await sql(
      em,
      `insert into orders (id, number, checkout_id, buyer_id, seller_id, state, version, currency, items_minor, shipping_minor, tax_minor, total_minor, fee_minor, refunded_minor, delivery_sla_days, address, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
      [o.id, o.number, o.checkoutId, o.buyerId, o.sellerId, o.state, o.currency, o.itemsMinor, o.shippingMinor, o.taxMinor, o.totalMinor, o.feeMinor, o.deliverySlaDays, JSON.stringify(o.address), o.createdAt, o.createdAt],
    );
  },

  async insertItem(em: EntityManager, i: OrderItemRecord): Promise<void> {
    await sql(em, `insert into order_items (id, order_id, listing_id, title, unit_price_minor, quantity, line_total_minor) values (?, ?, ?, ?, ?, ?, ?)`, [
      i.id,
      i.orderId,
      i.listingId,
      i.title,
      i.unitPriceMinor,
      i.quantity,
      i.lineTotalMinor,
    ]);
  },

  async insertReservation(em: EntityManager, r: ReservationRecord & { createdAt: Date }): Promise<void> {
    await sql(em, `insert into stock_reservations (id, checkout_id, listing_id, quantity, state, expires_at, created_at) values (?, ?, ?, ?, ?, ?, ?)`, [
      r.id,
      r.checkoutId,
      r.listingId,
      r.quantity,
      r.state,
      r.expiresAt,
      r.createdAt,
    ]);
  },

  async findCheckout(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<CheckoutRecord | null> {
    const rows = await sql(em, `select * from checkouts where id = ?${opts.forUpdate ? ' for update' : ''}`, [id]);
    return rows[0] ? toCheckout(rows[0]) : null;
  },

  async findCheckoutByPayment(em: EntityManager, providerPaymentId: string): Promise<CheckoutRecord | null> {
    const rows = await sql(em, `select * from checkouts where provider_payment_id = ?`, [providerPaymentId]);
    return rows[0] ? toCheckout(rows[0]) : null;
  },

  async setPayment(em: EntityManager, checkoutId: string, providerPaymentId: string, clientIp: string | null = null): Promise<void> {
    await sql(em, `update checkouts set provider_payment_id = ?, client_ip = coalesce(?, client_ip) where id = ?`, [providerPaymentId, clientIp, checkoutId]);
  },

  async setCard(em: EntityManager, checkoutId: string, card: { fingerprint: string; country: string | null; livemode: boolean }): Promise<void> {
    await sql(em, `update checkouts set card_fingerprint = ?, card_country = ?, card_live = ? where id = ?`, [card.fingerprint, card.country, card.livemode, checkoutId]);
  },

  async setRisk(em: EntityManager, checkoutId: string, risk: { score: number; reasons: unknown[] }): Promise<void> {
    await sql(em, `update checkouts set risk_score = ?, risk_reasons = ? where id = ?`, [risk.score, JSON.stringify(risk.reasons), checkoutId]);
  },

  async setState(em: EntityManager, checkoutId: string, state: CheckoutRecord['state'], extra: { paidAt?: Date; failureMessage?: string | null } = {}): Promise<void> {
    await sql(em, `update checkouts set state = ?, paid_at = coalesce(?, paid_at), failure_message = ? where id = ?`, [state, extra.paidAt ?? null, extra.failureMessage ?? null, checkoutId]);
  },

  async ordersOfCheckout(em: EntityManager, checkoutId: string): Promise<OrderRecord[]> {
    const rows = await sql(em, `select * from orders where checkout_id = ? order by number`, [checkoutId]);
    return rows.map(toOrder);
  },

  async itemsOf(em: EntityManager, orderIds: string[]): Promise<OrderItemRecord[]> {
    if (orderIds.length === 0) return [];
    const rows = await sql(em, `select * from order_items where order_id in (${placeholders(orderIds)}) order by order_id, title`, orderIds);
    return rows.map(toItem);
  },

  async reservationsOf(em: EntityManager, checkoutId: string): Promise<ReservationRecord[]> {
    const rows = await sql(em, `select * from stock_reservations where checkout_id = ? order by listing_id`, [checkoutId]);
    return rows.map(toReservation);
  },

  async setReservationsState(em: EntityManager, checkoutId: string, from: ReservationRecord['state'], to: ReservationRecord['state']): Promise<void> {
    await sql(em, `update stock_reservations set state = ? where checkout_id = ? and state = ?`, [to, checkoutId, from]);
  },

  /** Applies order changes if the version still matches; false when someone else changed it first. */
  async updateOrder(em: EntityManager, id: string, version: number, changes: OrderChanges, now: Date): Promise<boolean> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof OrderChanges, unknown][];
    const sets = entries.map(([k]) => `${orderColumns[k]} = ?`);
    const values = entries.map(([k, v]) => (k === 'hold' ? (v === null ? null : JSON.stringify(v)) : v));
    const rows = await sql(em, `update orders set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} where id = ? and version = ? returning id`, [...values, now, id, version]);
    return rows.length === 1;
  },

  async findOrder(em: EntityManager, id: string, opts: { forUpdate?: boolean } = {}): Promise<OrderRecord | null> {
    const rows = await sql(em, `select * from orders where id = ?${opts.forUpdate ? ' for update' : ''}`, [id]);
    return rows[0] ? toOrder(rows[0]) : null;
  },

  async hasHeldReservations(em: EntityManager, listingId: string): Promise<boolean> {
    const rows = await sql(em, `select 1 from stock_reservations where listing_id = ? and state = 'held' limit 1`, [listingId]);
    return rows.length > 0;
  },

  /** Checkouts whose reservation window passed while still unpaid (safety net for lost timers). */
  async overdueCheckouts(em: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows = await sql(em, `select id from checkouts where state = 'awaiting_payment' and expires_at <= ? order by expires_at limit ?`, [now, limit]);
    return rows.map((r) => r.id as string);
  },
};
