// The order review queue (`fraud`): a held order waits, paid and in escrow, with its risk score and
// reasons; an agent or admin approves it (it becomes `paid` and the seller is told, as if it had
// just been placed) or rejects it with a reason (cancelled, the buyer refunded in full through the
// worker once the rejection commits, idempotently). Decided through queues.decide like every queue.
import { reasonText, systemActor, type CommonQueueDecision, type MachineActor, type RiskAssessment } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { checkoutRepository, type OrderRecord } from '../../repositories/checkout-repository.js';
import type { QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { listingRepository } from '../../repositories/listing-repository.js';
import { riskRepository } from '../../repositories/risk-repository.js';
import { userRepository } from '../../repositories/user-repository.js';
import { listingAggregate } from '../listings/listing-aggregate.js';
import { announcePlaced } from '../checkout/announce-placed.js';
import { runCommand } from '../machines/pipeline.js';
import { orderAggregate } from '../orders/order-aggregate.js';
import { refundEffect } from '../payments/refund-effect.js';
import { assertMayDecide } from '../queues/decision-guard.js';
import type { QueueActor } from '../queues/queue-access.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import { enterQueue, moveQueueRow } from '../queues/subject-rows.js';
import { activeFlags } from './risk-rules.js';

const orderSettings = { autoCompleteAfterMs: 14 * 86_400_000 };

export async function holdForReview(tx: EntityManager, order: OrderRecord, risk: RiskAssessment, now: Date): Promise<void> {
  const held = (await runCommand(tx, orderAggregate, order, { type: 'hold_for_review', payload: { score: risk.score } }, systemActor, now, { options: orderSettings })).record;
  const top = risk.reasons[0]?.detail ?? 'risk checks';
  await enterQueue(tx, { queue: 'fraud', subjectId: held.id, state: 'open', title: `Order ${held.number} · risk ${risk.score}: ${top}`, sellerId: held.sellerId, valueMinor: held.totalMinor, currency: held.currency, waitingOn: 'staff', priority: risk.score >= 90 ? 2 : 1 }, null, now);
}

/** One decision from the `fraud` queue (single or bulk), on the row's version, row locked. */
export async function decideOrderReviewLocked(tx: EntityManager, paymentsConfigured: boolean, actor: QueueActor & MachineActor, row: QueueItemRecord, version: number, decision: CommonQueueDecision, now: Date) {
  assertMayDecide(actor, row, version, now);
  const order = await checkoutRepository.findOrder(tx, row.subjectId, { forUpdate: true });
  if (!order) throw new AppError('NOT_FOUND', 'This order does not exist.');
  if (decision.decision === 'request_info') throw new AppError('BAD_REQUEST', 'Order reviews have no questions step: approve or reject the order.', { field: 'decision' });
  let action: string;
  if (decision.decision === 'accept') {
    const approved = (await runCommand(tx, orderAggregate, order, { type: 'approve_review' }, actor, now, { options: orderSettings })).record;
    await announcePlaced(tx, approved, now);
    action = 'approved';
  } else {
    // The buyer is refunded in full by the worker once the rejection commits (one idempotency key per order).
    const refund = await refundEffect(tx, paymentsConfigured, order, { amountMinor: order.totalMinor, idempotencyKey: `order-review-reject-${order.id}`, reason: 'fraudulent' });
    const reason = reasonText('fraud', decision.reason, decision.note);
    await runCommand(tx, orderAggregate, order, { type: 'reject_review', payload: { reason } }, actor, now, { options: orderSettings, jobs: [refund] });
    await returnStock(tx, order.id, now);
    action = 'rejected';
  }
  const after = (await checkoutRepository.findOrder(tx, order.id))!;
  const moved = await moveQueueRow(tx, row, { state: action, waitingOn: null, action, actorId: actor.id, decided: true }, now);
  return { order: { id: after.id, state: after.state }, item: queueItemSnapshot(moved, now) };
}

/** A rejected order's units go back on sale (a sold-out listing is restocked). */
async function returnStock(tx: EntityManager, orderId: string, now: Date) {
  for (const item of await riskRepository.orderItems(tx, orderId)) {
    const listing = await listingRepository.findById(tx, item.listingId, { forUpdate: true });
    if (!listing) continue;
    // A sold-out listing comes back on sale (the machine's restock); otherwise the units are added.
    if (listing.state === 'sold_out') await runCommand(tx, listingAggregate, listing, { type: 'restock', payload: { quantity: listing.quantity + item.quantity } }, systemActor, now, { options: undefined });
    else await listingRepository.release(tx, item.listingId, item.quantity);
  }
}

/** What a reviewer sees: the order, the risk score and its reasons, the buyer's history and flags. */
export async function orderReview(em: EntityManager, orderId: string) {
  const order = await checkoutRepository.findOrder(em, orderId);
  if (!order) throw new AppError('NOT_FOUND', 'This order does not exist.');
  const checkout = await checkoutRepository.findCheckout(em, order.checkoutId);
  const [buyer, history] = await Promise.all([userRepository.findById(em, order.buyerId), riskRepository.paidHistory(em, order.buyerId, order.checkoutId)]);
  return {
    order: { id: order.id, number: order.number, state: order.state, totalMinor: order.totalMinor, currency: order.currency, country: checkout?.address.country ?? null, createdAt: order.createdAt },
    risk: { score: checkout?.riskScore ?? 0, reasons: checkout?.riskReasons ?? [] },
    buyer: { id: order.buyerId, name: buyer?.displayName ?? '', memberSince: buyer?.createdAt ?? null, ...history, flags: await activeFlags(em, order.buyerId) },
  };
}

