// What people do to a paid order: the seller ships (carrier + validated tracking number, optional
// proof of shipment) and may record delivery, the buyer confirms receipt (which releases escrow),
// either side or staff cancel before shipment (the buyer refunded through the provider by the
// worker once the cancellation commits, hold voided). Each is one command through the pipeline.
import { can, checkTracking, systemActor, type Carrier, type MachineActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import type { OrderRecord } from '../../repositories/checkout-repository.js';
import { fileUploadRepository } from '../../repositories/file-upload-repository.js';
import { lockForCommand, runCommand } from '../machines/pipeline.js';
import { refundEffect } from '../payments/refund-effect.js';
import { orderAggregate, type OrderSettings } from './order-aggregate.js';

const visibleTo = (person: MachineActor) => (order: OrderRecord) => can(person, 'orders.view', { kind: 'order', buyerId: order.buyerId, sellerId: order.sellerId });

function lockVisible(tx: EntityManager, person: MachineActor, input: { id: string; version: number }) {
  return lockForCommand(tx, orderAggregate, input.id, { expectedVersion: input.version, visible: visibleTo(person) });
}

export async function shipOrder(em: EntityManager, person: MachineActor, input: { id: string; version: number; carrier: Carrier; trackingNumber: string; proofId?: string | undefined }, settings: OrderSettings, now: Date) {
  const tracking = checkTracking(input.carrier, input.trackingNumber);
  if (!tracking.ok) throw new AppError('BAD_REQUEST', tracking.message, { field: 'trackingNumber' });
  return em.transactional(async (tx) => {
    const order = await lockVisible(tx, person, input);
    const proofKey = input.proofId ? (await fileUploadRepository.attach(tx, input.proofId, person.id, 'shipment_proof', order.id))?.storageKey ?? null : null;
    if (input.proofId && !proofKey) throw new AppError('BAD_REQUEST', 'That proof of shipment was not found among your uploads.', { field: 'proofId' });
    const command = { type: 'ship', payload: { carrier: input.carrier, trackingNumber: tracking.trackingNumber } };
    const changes = { carrier: input.carrier, trackingNumber: tracking.trackingNumber, shipmentProofKey: proofKey, shippedAt: now };
    return (await runCommand(tx, orderAggregate, order, command, person, now, { options: settings, changes })).record;
  });
}

export async function markDelivered(em: EntityManager, person: MachineActor, input: { id: string; version: number }, settings: OrderSettings, now: Date) {
  return em.transactional(async (tx) => (await runCommand(tx, orderAggregate, await lockVisible(tx, person, input), { type: 'mark_delivered' }, person, now, { options: settings })).record);
}

/** The buyer says it arrived as described: the order completes and escrow is released to the seller. */
export async function confirmReceipt(em: EntityManager, person: MachineActor, input: { id: string; version: number }, settings: OrderSettings, now: Date) {
  return em.transactional(async (tx) => (await runCommand(tx, orderAggregate, await lockVisible(tx, person, input), { type: 'confirm_receipt' }, person, now, { options: settings })).record);
}

/**
 * Cancellation voids the escrow hold and records the refund in the ledger with the state change;
 * the refund itself is an effect the worker sends once this commits (idempotency key per order, so
 * a retry never refunds twice). A refused move records nothing, so nothing is refunded.
 */
export async function cancelOrder(em: EntityManager, paymentsConfigured: boolean, person: MachineActor, input: { id: string; version: number; reason: string }, settings: OrderSettings, now: Date) {
  return em.transactional(async (tx) => {
    const order = await lockVisible(tx, person, input);
    const refund = order.state === 'paid' && order.hold ? [await refundEffect(tx, paymentsConfigured, order, { amountMinor: order.totalMinor, idempotencyKey: `order-cancel-${order.id}`, reason: 'requested_by_customer' })] : [];
    return (await runCommand(tx, orderAggregate, order, { type: 'cancel', payload: { reason: input.reason } }, person, now, { options: settings, jobs: refund })).record;
  });
}

/** A machine timer came due (auto-complete): runs once; a timer for a state already left is ignored. */
export async function fireOrderTimer(em: EntityManager, input: { orderId: string; command: string; state: string }, settings: OrderSettings, now: Date): Promise<'fired' | 'ignored'> {
  return em.transactional(async (tx) => {
    const order = await orderAggregate.find(tx, input.orderId, { forUpdate: true });
    // Each state is entered at most once (self-transitions keep their timers), so the state alone
    // tells whether this timer still applies.
    if (!order || order.state !== input.state) return 'ignored';
    await runCommand(tx, orderAggregate, order, { type: input.command }, systemActor, now, { options: settings });
    return 'fired';
  });
}
