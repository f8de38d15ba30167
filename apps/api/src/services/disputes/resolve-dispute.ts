// Settling a dispute: the agent resolves for the buyer (full refund), for the seller (escrow
// released) or split (any partial refund). In one transaction, with the dispute, its queue row
// and the order locked: the dispute machine decides (refund limits included), the ledger moves the
// money per the domain — out of escrow while it is held, otherwise clawed back from the seller's
// balance (a shortfall is the platform's loss) — the order follows, and the buyer's share is an
// effect: refunded through the provider after commit, with the dispute as idempotency key.
import { clawbackFromSeller, settleDispute, type EscrowFlow, type MachineActor, type Role } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { checkoutRepository, type OrderRecord } from '../../repositories/checkout-repository.js';
import { disputeRepository, type DisputeRecord } from '../../repositories/dispute-repository.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import { postTransfers } from '../ledger/post-transfers.js';
import { sellerBalances } from '../ledger/seller-balances.js';
import { recordLedgerTimeline } from '../orders/ledger-timeline.js';
import { runCommand, staleVersion } from '../machines/pipeline.js';
import { orderAggregate } from '../orders/order-aggregate.js';
import { refundEffect } from '../payments/refund-effect.js';
import { assertMayDecide } from '../queues/decision-guard.js';
import { disputeAggregate, type DisputeSettings } from './dispute-aggregate.js';
import type { DisputeActionInput, ResolveDisputeInput } from './dispute-input.js';
import { disputeForStaff } from './dispute-views.js';

type Staff = MachineActor & { roles: Role[] };

/** Locks the queue row, checks claim and version, and locks the dispute behind it. */
async function lockForStaff(tx: EntityManager, actor: Staff, input: { id: string; version: number }, now: Date): Promise<DisputeRecord> {
  const row = await queueItemRepository.find(tx, input.id, { forUpdate: true });
  if (!row || row.queue !== 'disputes') throw new AppError('NOT_FOUND', 'This dispute is not in the queue.');
  assertMayDecide(actor, row, input.version, now);
  return (await disputeRepository.find(tx, row.subjectId, { forUpdate: true }))!;
}

/** Ask a party, start the review, or escalate to a lead; the agent keeps the case. */
export async function actOnDispute(em: EntityManager, actor: Staff, input: DisputeActionInput, settings: DisputeSettings, now: Date) {
  return em.transactional(async (tx) => {
    const d = await lockForStaff(tx, actor, input, now);
    const payload = input.action === 'escalate' ? { reason: input.reason } : {};
    const after = (await runCommand(tx, disputeAggregate, d, { type: input.action, payload }, actor, now, { options: { ...settings, keepClaim: true } })).record;
    return disputeForStaff(tx, after, actor, settings, now);
  });
}

async function settlementFlow(tx: EntityManager, order: OrderRecord, d: DisputeRecord, buyerShareMinor: number): Promise<EscrowFlow> {
  if (order.hold) return settleDispute(order.hold, { resolutionId: d.id, buyerShareMinor, to: { kind: 'card' } });
  if (buyerShareMinor === 0) return { transfers: [], hold: null };
  // Released already (a chargeback on a completed order): the seller's balance pays it back.
  const balances = await sellerBalances(tx, order.sellerId);
  const available = balances.find((b) => b.currency === order.currency)?.availableMinor ?? 0;
  const split = { orderId: order.id, sellerId: order.sellerId, currency: order.currency as never, netMinor: order.totalMinor - order.feeMinor, feeMinor: order.feeMinor };
  return { transfers: clawbackFromSeller(split, { refundId: d.id, refundMinor: buyerShareMinor, to: { kind: 'card' }, sellerAvailableMinor: available }), hold: null };
}

/** The dispute machine and the order machine name the three outcomes alike. */
const resolutionCommand = { buyer: 'resolve_for_buyer', seller: 'resolve_for_seller', split: 'resolve_split' } as const;

export async function resolveDispute(em: EntityManager, paymentsConfigured: boolean, actor: Staff, input: ResolveDisputeInput, settings: DisputeSettings, now: Date) {
  return em.transactional(async (tx) => {
    let d = await lockForStaff(tx, actor, input, now);
    if (d.state === 'awaiting_seller' || d.state === 'awaiting_buyer') {
      throw new AppError('CONFLICT', `The ${d.state === 'awaiting_seller' ? 'seller' : 'buyer'} has until their deadline to answer; resolve once they have (or it passes).`, { reason: 'WAITING_ON_PARTY', state: d.state });
    }
    const order = (await checkoutRepository.findOrder(tx, d.orderId, { forUpdate: true }))!;
    const share = input.outcome === 'buyer' ? d.amountMinor : input.outcome === 'seller' ? 0 : input.buyerShareMinor;
    if (share > d.amountMinor) throw new AppError('BAD_REQUEST', 'The refund cannot be more than the buyer paid.', { field: 'buyerShareMinor', maxMinor: d.amountMinor });
    if (d.state === 'open') d = (await runCommand(tx, disputeAggregate, d, { type: 'start_review' }, actor, now, { options: { ...settings, keepClaim: true } })).record;
    const type = resolutionCommand[input.outcome];
    // A buyer's dispute is refunded through the provider by the worker once this commits; a
    // chargeback's money already went back through the card network, so none is sent.
    const refund = share > 0 && d.source === 'buyer' ? [await refundEffect(tx, paymentsConfigured, order, { amountMinor: share, idempotencyKey: `dispute-refund-${d.id}`, reason: 'requested_by_customer', disputeId: d.id })] : [];
    const resolution = { resolvedBy: actor.id, resolvedAt: now, resolutionNote: input.note || null };
    d = (await runCommand(tx, disputeAggregate, d, { type, payload: input.outcome === 'split' ? { buyerShareMinor: share } : {} }, actor, now, { options: { ...settings, action: 'resolved' }, changes: resolution, jobs: refund })).record;

    const flow = await settlementFlow(tx, order, d, share);
    if (order.state === 'disputed') {
      await runCommand(tx, orderAggregate, order, { type, payload: input.outcome === 'split' ? { refundMinor: share } : {} }, actor, now, { options: { autoCompleteAfterMs: settings.autoCompleteAfterMs, money: flow } });
    } else if (flow.transfers.length) {
      // Settled already (a chargeback on a completed order): no state to change, only the money.
      if (!(await orderAggregate.write(tx, order.id, order.version, { refundedMinor: order.refundedMinor + share }, now))) throw staleVersion('order', await orderAggregate.find(tx, order.id));
      await postTransfers(tx, flow.transfers, now);
      await recordLedgerTimeline(tx, order, flow.transfers, now);
    }
    return disputeForStaff(tx, (await disputeRepository.find(tx, d.id))!, actor, settings, now);
  });
}
