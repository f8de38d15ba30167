// Orders as buyers, sellers and staff see them. Access follows the domain policy (orders.view):
// the buyer and the seller of an order, and staff. The timeline is the order's stream as this
// viewer reads it (orderTimeline in the domain: one entry per thing they care about, with the money
// that moved for them); `streamSeq` is the stream's head, so a client refetches on a newer event.
import { availableActions, can, orderMachine, orderTimeline, stateLabel, trackingUrl, type Actor, type TimelineAudience } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { orderRepository, type OrderListRow } from '../../repositories/order-repository.js';
import { reviewRepository } from '../../repositories/review-repository.js';
import { orderSnapshot } from '../checkout/order-snapshot.js';
import { maskShippingAddress } from '../pii/mask-views.js';

/** The viewer with the grant table the session carries: what they may do is decided by it. */
type Viewer = Actor;

/**
 * The order commands people send through the API (orders.ship, orders.markDelivered,
 * orders.confirmReceipt, orders.cancel, disputes.open); refunds and reviews of held orders are
 * decided at the support and fraud desks, and the rest are the system's.
 */
export const orderActionCommands = ['ship', 'mark_delivered', 'confirm_receipt', 'cancel', 'open_dispute'] as const;

export function toOrderSummary(o: OrderListRow) {
  return {
    id: o.id,
    number: o.number,
    state: o.state,
    stateLabel: stateLabel(orderMachine, o.state),
    version: o.version,
    currency: o.currency,
    itemsMinor: o.itemsMinor,
    shippingMinor: o.shippingMinor,
    taxMinor: o.taxMinor,
    totalMinor: o.totalMinor,
    feeMinor: o.feeMinor,
    itemCount: o.itemCount,
    firstTitle: o.firstTitle,
    buyer: { id: o.buyerId, name: o.buyerName },
    seller: { id: o.sellerId, name: o.sellerName },
    deliverySlaDays: o.deliverySlaDays,
    shipment: o.carrier && o.trackingNumber ? { carrier: o.carrier, trackingNumber: o.trackingNumber, trackingUrl: trackingUrl(o.carrier, o.trackingNumber), shippedAt: o.shippedAt, hasProof: Boolean(o.shipmentProofKey) } : null,
    deliveredAt: o.deliveredAt,
    completedAt: o.completedAt,
    paidAt: o.paidAt,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
  };
}

export async function getOrder(em: EntityManager, viewer: Viewer, id: string) {
  const o = await orderRepository.findById(em, id);
  if (!o || !can(viewer, 'orders.view', { kind: 'order', buyerId: o.buyerId, sellerId: o.sellerId })) throw new AppError('NOT_FOUND', 'This order does not exist.');
  const [items, stream, review] = await Promise.all([checkoutRepository.itemsOf(em, [o.id]), orderRepository.timeline(em, o.id), reviewRepository.findByOrder(em, o.id)]);
  const audience: TimelineAudience = viewer.id === o.buyerId ? 'buyer' : viewer.id === o.sellerId ? 'seller' : 'staff';
  const timeline = orderTimeline(stream, { audience, buyerName: o.buyerName, currency: o.currency, totalMinor: o.totalMinor, feeMinor: o.feeMinor, review: review && { id: review.id, rating: review.rating, createdAt: review.createdAt } });
  const showAddress = can(viewer, 'orders.view_shipping_address', { kind: 'order', buyerId: o.buyerId, sellerId: o.sellerId });
  return {
    ...toOrderSummary(o),
    checkoutId: o.checkoutId,
    // The parties see the address (the seller ships to it); staff entitled to it see a masked copy
    // and reveal the clear one through pii.reveal (audited).
    address: showAddress && o.address ? (viewer.id === o.buyerId || viewer.id === o.sellerId ? o.address : maskShippingAddress(o.address)) : null,
    addressMasked: showAddress && !!o.address && viewer.id !== o.buyerId && viewer.id !== o.sellerId,
    items: items.map((i) => ({ id: i.id, listingId: i.listingId, title: i.title, unitPriceMinor: i.unitPriceMinor, quantity: i.quantity, lineTotalMinor: i.lineTotalMinor })),
    timeline,
    streamSeq: stream.reduce((top, e) => Math.max(top, e.seq), 0),
    /** What this viewer may do now, by the order machine and their grants; the apps render these buttons. */
    actions: availableActions(orderMachine, orderSnapshot(o), viewer, orderActionCommands),
  };
}

export async function getCheckout(em: EntityManager, viewer: Viewer, id: string) {
  const c = await checkoutRepository.findCheckout(em, id);
  if (!c || c.buyerId !== viewer.id) throw new AppError('NOT_FOUND', 'This checkout does not exist.');
  const orders = await checkoutRepository.ordersOfCheckout(em, c.id);
  const items = await checkoutRepository.itemsOf(em, orders.map((o) => o.id));
  return {
    id: c.id,
    state: c.state,
    currency: c.currency,
    itemsMinor: c.itemsMinor,
    shippingMinor: c.shippingMinor,
    taxMinor: c.taxMinor,
    totalMinor: c.totalMinor,
    address: c.address,
    failureMessage: c.failureMessage,
    expiresAt: c.expiresAt,
    paidAt: c.paidAt,
    orders: orders.map((o) => ({ id: o.id, number: o.number, state: o.state, stateLabel: stateLabel(orderMachine, o.state), sellerId: o.sellerId, totalMinor: o.totalMinor, deliverySlaDays: o.deliverySlaDays, items: items.filter((i) => i.orderId === o.id).map((i) => ({ title: i.title, quantity: i.quantity, lineTotalMinor: i.lineTotalMinor })) })),
  };
}

export async function buyerOrders(em: EntityManager, buyerId: string, limit: number) {
  return (await orderRepository.listForBuyer(em, buyerId, limit)).map(toOrderSummary);
}

/** A seller's orders (filtered, searched, paged) with the counts per state for the filter tabs. */
export async function sellerOrders(em: EntityManager, sellerId: string, f: { states: string[] | null; q?: string | undefined; limit: number; offset: number }) {
  const [page, counts] = await Promise.all([orderRepository.listForSeller(em, sellerId, f), orderRepository.sellerStateCounts(em, sellerId)]);
  return { orders: page.rows.map(toOrderSummary), total: page.total, counts };
}
