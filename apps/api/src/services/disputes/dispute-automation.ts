// What happens to disputes without a person: SLA timers (at risk at 75 %, breach at the deadline,
// the close after resolution) and chargebacks reported by the payment provider.
import { findEdge, orderMachine, systemActor } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { checkoutRepository } from '../../repositories/checkout-repository.js';
import { disputeRepository } from '../../repositories/dispute-repository.js';
import { runCommand } from '../machines/pipeline.js';
import { orderAggregate } from '../orders/order-aggregate.js';
import { disputeAggregate, type DisputeSettings } from './dispute-aggregate.js';
import { createDispute } from './open-dispute.js';

export interface DisputeTimer {
  disputeId: string;
  command: string;
  state: string;
  enteredAt: string;
}

/**
 * A timer runs only for the state visit that scheduled it (same state, same entry time) and only
 * once: a second delivery, or a timer of a state already left, is ignored.
 */
export async function fireDisputeTimer(em: EntityManager, t: DisputeTimer, settings: DisputeSettings, now: Date): Promise<'fired' | 'ignored'> {
  return em.transactional(async (tx) => {
    const d = await disputeRepository.find(tx, t.disputeId, { forUpdate: true });
    if (!d || d.state !== t.state || d.stateEnteredAt.toISOString() !== t.enteredAt) return 'ignored';
    if (t.command === 'sla_at_risk') {
      if (d.slaStatus !== 'ok') return 'ignored';
      await runCommand(tx, disputeAggregate, d, { type: 'sla_at_risk' }, systemActor, now, { options: { ...settings, action: 'sla_at_risk', keepClaim: true }, changes: { slaStatus: 'at_risk' } });
    } else if (t.command === 'sla_breach') {
      if (d.slaStatus === 'breached') return 'ignored';
      // The machine decides: a party's missed turn moves the case on (its new clock replaces this
      // status); staff's missed deadline escalates in place and stays breached.
      await runCommand(tx, disputeAggregate, d, { type: 'sla_breach' }, systemActor, now, { options: { ...settings, action: 'sla_breached', keepClaim: true }, changes: { slaStatus: 'breached' } });
    } else if (t.command === 'close') {
      await runCommand(tx, disputeAggregate, d, { type: 'close' }, systemActor, now, { options: { ...settings, action: 'closed' } });
    } else return 'ignored';
    return 'fired';
  });
}

/**
 * A card chargeback on a payment: one dispute per order the payment covered (idempotent by the
 * provider's dispute id), at top priority, and the order's escrow frozen where it is still held.
 */
export async function openChargeback(em: EntityManager, report: { providerDisputeId: string; providerPaymentId: string; amountMinor: number; reason: string }, settings: DisputeSettings, now: Date): Promise<number> {
  return em.transactional(async (tx) => {
    const checkout = await checkoutRepository.findCheckoutByPayment(tx, report.providerPaymentId);
    if (!checkout) return 0;
    let opened = 0;
    for (const found of await checkoutRepository.ordersOfCheckout(tx, checkout.id)) {
      const order = (await checkoutRepository.findOrder(tx, found.id, { forUpdate: true }))!;
      const remaining = order.totalMinor - order.refundedMinor;
      if (remaining <= 0 || ['awaiting_payment', 'cancelled', 'refunded'].includes(order.state)) continue;
      const d = await createDispute(tx, order, { source: 'chargeback', reason: 'chargeback', description: `Card chargeback (${report.reason.replace(/_/g, ' ')}): the buyer's bank is reclaiming the payment.`, amountMinor: remaining, providerDisputeId: report.providerDisputeId, actorId: null }, now);
      if (!d) continue;
      opened += 1;
      // Where the order machine takes a chargeback (escrow still held), the order freezes too.
      if (findEdge(orderMachine, order.state, 'open_dispute')) await runCommand(tx, orderAggregate, order, { type: 'open_dispute', payload: { reason: 'card chargeback' } }, systemActor, now, { options: { autoCompleteAfterMs: settings.autoCompleteAfterMs } });
    }
    return opened;
  });
}
