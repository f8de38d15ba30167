// What people do to a paid order: the seller ships (carrier + validated tracking number, optional
// proof of shipment) and may record delivery, the buyer confirms receipt (which releases escrow),
// either side or staff cancel before shipment (refunded through the provider, hold voided).
import { can, checkTracking, systemActor, type Carrier, type Role } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import type { PaymentGateway } from '../../integrations/stripe/payment-gateway.js';
import { checkoutRepository, type OrderRecord } from '../../repositories/checkout-repository.js';
import { applyOrderCommand, type OrderSettings } from './order-commands.js';
import { staleOrder } from './stale-version.js';
import { fileUploadRepository } from '../../repositories/file-upload-repository.js';

interface Person {
  id: string;
  roles: Role[];
}

async function lockVisible(tx: EntityManager, person: Person, id: string, version: number): Promise<OrderRecord> {
  const order = await checkoutRepository.findOrder(tx, id, { forUpdate: true });
  if (!order || !can(person, 'orders.view', { kind: 'order', buyerId: order.buyerId, sellerId: order.sellerId })) throw new AppError('NOT_FOUND', 'This order does not exist.');
  if (order.version !== version) throw staleOrder(order);
  return order;
}

export async function shipOrder(em: EntityManager, person: Person, input: { id: string; version: number; carrier: Carrier; trackingNumber: string; proofId?: string | undefined }, settings: OrderSettings, now: Date) {
  const tracking = checkTracking(input.carrier, input.trackingNumber);
  if (!tracking.ok) throw new AppError('BAD_REQUEST', tracking.message, { field: 'trackingNumber' });
  return em.transactional(async (tx) => {
    const order = await lockVisible(tx, person, input.id, input.version);
    const proofKey = input.proofId ? (await fileUploadRepository.attach(tx, input.proofId, person.id, 'shipment_proof', order.id))?.storageKey ?? null : null;
    if (input.proofId && !proofKey) throw new AppError('BAD_REQUEST', 'That proof of shipment was not found among your uploads.', { field: 'proofId' });
    return applyOrderCommand(tx, person, order, { type: 'ship', payload: { carrier: input.carrier, trackingNumber: tracking.trackingNumber } }, now, settings, {
      carrier: input.carrier,
      trackingNumber: tracking.trackingNumber,
      shipmentProofKey: proofKey,
      shippedAt: now,
    });
  });
}

export async function markDelivered(em: EntityManager, person: Person, input: { id: string; version: number }, settings: OrderSettings, now: Date) {
  return em.transactional(async (tx) => applyOrderCommand(tx, person, await lockVisible(tx, person, input.id, input.version), { type: 'mark_delivered' }, now, settings));
}

/** The buyer says it arrived as described: the order completes and escrow is released to the seller. */
export async function confirmReceipt(em: EntityManager, person: Person, input: { id: string; version: number }, settings: OrderSettings, now: Date) {
  return em.transactional(async (tx) => applyOrderCommand(tx, person, await lockVisible(tx, person, input.id, input.version), { type: 'confirm_receipt' }, now, settings));
}

/**
 * Cancellation of a paid order refunds the buyer through the provider (idempotency key per order,
 * so a retry never refunds twice) while the order row is locked, then voids the escrow hold and
 * records the refund in the same transaction as the state change.
 */
export async function cancelOrder(em: EntityManager, gateway: PaymentGateway | null, person: Person, input: { id: string; version: number; reason: string }, settings: OrderSettings, now: Date) {
  return em.transactional(async (tx) => {
    const order = await lockVisible(tx, person, input.id, input.version);
    if (order.state === 'paid' && order.hold) {
      const checkout = await checkoutRepository.findCheckout(tx, order.checkoutId);
      if (!gateway || !checkout?.providerPaymentId) throw new AppError('UNAVAILABLE', 'Refunds are not possible right now: payments are not configured.');
      // Refused transitions must not refund: ask the machine first (a dry run inside the same lock).
      await applyOrderCommand(tx, person, order, { type: 'cancel', payload: { reason: input.reason } }, now, settings).then(async (cancelled) => {
        await gateway.refund({ providerPaymentId: checkout.providerPaymentId!, amountMinor: order.totalMinor, idempotencyKey: `order-cancel-${order.id}`, reason: 'requested_by_customer' });
        return cancelled;
      });
      return (await checkoutRepository.findOrder(tx, order.id))!;
    }
    return applyOrderCommand(tx, person, order, { type: 'cancel', payload: { reason: input.reason } }, now, settings);
  });
}

/** A machine timer came due (auto-complete): runs once; a timer for a state already left is ignored. */
export async function fireOrderTimer(em: EntityManager, input: { orderId: string; command: string; state: string }, settings: OrderSettings, now: Date): Promise<'fired' | 'ignored'> {
  return em.transactional(async (tx) => {
    const order = await checkoutRepository.findOrder(tx, input.orderId, { forUpdate: true });
    // Each state is entered at most once (self-transitions keep their timers), so the state alone
    // tells whether this timer still applies.
    if (!order || order.state !== input.state) return 'ignored';
    await applyOrderCommand(tx, systemActor, order, { type: input.command }, now, settings);
    return 'fired';
  });
}
