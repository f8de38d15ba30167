// Seller withdrawals. Requesting holds the amount on the seller's available balance (so it cannot
// be requested twice); an admin — never the requester — approves (the hold posts to in transit)
// or rejects (it is voided); approved payouts are sent by a job through the PaymentGateway with
// the payout id as idempotency key; the provider's payout.paid / payout.failed webhooks settle
// them or give the money back. Every step runs the payout machine and lands in the outbox.
import { randomUUID } from 'node:crypto';
import {
  availableActions,
  balanceOf,
  payoutMachine,
  reasonText,
  stateLabel,
  type Actor,
  type CommonQueueDecision,
  payoutRequested,
  sellerAccount,
  systemActor,
  type CurrencyCode,
  type MachineActor,
} from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { formatMinor } from '../../errors/format-money.js';
import { ledgerRepository } from '../../repositories/ledger-repository.js';
import { payoutRepository, type PayoutChanges, type PayoutRecord } from '../../repositories/payout-repository.js';
import { postTransfers } from '../ledger/post-transfers.js';
import { sellerBalances } from '../ledger/seller-balances.js';
import { lockForCommand, runCommand, type MachineCommand } from '../machines/pipeline.js';
import { payoutAggregate, payoutRooms, payoutStream } from './payout-aggregate.js';
import { recordEvent } from '../outbox/record-event.js';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { assertVerifiedSeller } from '../kyc/seller-verification.js';
import { kycRepository } from '../../repositories/kyc-repository.js';
import { assertMayDecide } from '../queues/decision-guard.js';
import type { QueueActor } from '../queues/queue-access.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import { enterQueue } from '../queues/subject-rows.js';

export async function requestPayout(em: EntityManager, seller: { id: string }, input: { amountMinor: number; currency?: string }, minimumMinor: number, now: Date) {
  const currency = (input.currency ?? 'EUR').toUpperCase() as CurrencyCode;
  if (input.amountMinor < minimumMinor) throw new AppError('BAD_REQUEST', `The smallest payout is ${formatMinor(minimumMinor, currency)}.`, { field: 'amountMinor' });
  await assertVerifiedSeller(em, seller.id, 'payout');
  return em.transactional(async (tx) => {
    const [account] = await ledgerRepository.accountsByCode(tx, [sellerAccount(seller.id, 'available')]);
    const available = account ? balanceOf(account).availableMinor : 0;
    if (input.amountMinor > available) {
      throw new AppError('BAD_REQUEST', `You can withdraw at most ${formatMinor(available, currency)} right now.`, { field: 'amountMinor', availableMinor: available });
    }
    const id = randomUUID();
    await payoutRepository.insert(tx, { id, sellerId: seller.id, requestedBy: seller.id, amountMinor: input.amountMinor, currency, now });
    // The ledger re-checks under the account lock: two requests at once cannot both pass.
    await postTransfers(tx, payoutRequested({ payoutId: id, sellerId: seller.id, currency, amountMinor: input.amountMinor }), now).catch((err: unknown) => {
      if (err instanceof AppError && err.details.refusal === 'INSUFFICIENT_FUNDS') throw new AppError('BAD_REQUEST', 'That is more than your available balance.', { field: 'amountMinor' });
      throw err;
    });
    await recordEvent(tx, { stream: payoutStream(id), name: 'payout.requested', payload: { payoutId: id, sellerId: seller.id, currency, amountMinor: input.amountMinor, actorId: seller.id }, rooms: payoutRooms({ sellerId: seller.id }), actorId: seller.id, now });
    const payout = (await payoutRepository.find(tx, id))!;
    await enterQueue(tx, { queue: 'payouts', subjectId: id, state: 'requested', title: `${formatMinor(payout.amountMinor, currency)} to ${payout.sellerName}`, sellerId: seller.id, valueMinor: payout.amountMinor, currency, waitingOn: 'staff' }, seller.id, now);
    return payout;
  });
}

const lockAt = (tx: EntityManager, id: string, version?: number, visible?: (p: PayoutRecord) => boolean) => lockForCommand(tx, payoutAggregate, id, { expectedVersion: version, ...(visible ? { visible } : {}) });
const run = async (tx: EntityManager, actor: MachineActor, payout: PayoutRecord, command: MachineCommand, now: Date, changes: PayoutChanges = {}) =>
  (await runCommand(tx, payoutAggregate, payout, command, actor, now, { options: undefined, changes })).record;

function approveOrReject(tx: EntityManager, admin: MachineActor, payout: PayoutRecord, decision: 'approve' | 'reject', reason: string | undefined, now: Date) {
  if (decision === 'approve') return run(tx, admin, payout, { type: 'approve' }, now, { decidedBy: admin.id });
  return run(tx, admin, payout, { type: 'reject', payload: { reason: reason ?? '' } }, now, { decidedBy: admin.id, reason: reason ?? null });
}

/** A decision from the `payouts` queue (single or bulk), on the queue row's version, row locked. */
export async function decidePayoutLocked(tx: EntityManager, admin: MachineActor & QueueActor, row: QueueItemRecord, version: number, decision: CommonQueueDecision, now: Date) {
  assertMayDecide(admin, row, version, now);
  const payout = await lockAt(tx, row.subjectId);
  if (decision.decision === 'request_info') throw new AppError('BAD_REQUEST', 'Payouts have no questions step: approve or reject it.', { field: 'decision' });
  const reason = decision.decision === 'reject' ? reasonText('payouts', decision.reason, decision.note) : undefined;
  const decided = await approveOrReject(tx, admin, payout, decision.decision === 'accept' ? 'approve' : 'reject', reason, now);
  return { payout: payoutView(decided), item: queueItemSnapshot((await queueItemRepository.find(tx, row.id))!, now) };
}

/** A seller withdraws their own request before anyone decided. */
export async function cancelPayout(em: EntityManager, seller: MachineActor, input: { id: string; version: number }, now: Date) {
  return em.transactional(async (tx) => {
    const payout = await lockAt(tx, input.id, input.version, (p) => p.sellerId === seller.id);
    return run(tx, seller, payout, { type: 'cancel' }, now, { reason: 'cancelled_by_seller' });
  });
}

/** The provider reported the bank transfer: money leaves (paid) or comes back to available (failed). */
export async function settlePayout(em: EntityManager, report: { providerPayoutId: string; outcome: 'paid' | 'failed'; reason?: string | null }, now: Date): Promise<'settled' | 'ignored'> {
  return em.transactional(async (tx) => {
    const found = await payoutRepository.findByProviderPayout(tx, report.providerPayoutId);
    const payout = found && (await lockAt(tx, found.id));
    if (!payout || payout.state !== 'processing') return 'ignored';
    if (report.outcome === 'paid') await run(tx, systemActor, payout, { type: 'mark_paid' }, now);
    else await run(tx, systemActor, payout, { type: 'mark_failed', payload: { reason: report.reason || 'The bank returned the payout.' } }, now, { reason: report.reason ?? null });
    return 'settled';
  });
}

/** Step of the send job, after the provider accepted the payout. */
export async function markPayoutSent(em: EntityManager, payoutId: string, provider: { transferId: string; payoutId: string }, now: Date): Promise<void> {
  await em.transactional(async (tx) => {
    const payout = await lockAt(tx, payoutId);
    if (payout.state !== 'approved') return;
    await run(tx, systemActor, payout, { type: 'send' }, now, { providerTransferId: provider.transferId, providerPayoutId: provider.payoutId });
  });
}

/** The provider refused the payout outright (not a transient error): it fails and the money returns. */
export async function failUnsentPayout(em: EntityManager, payoutId: string, reason: string, now: Date): Promise<void> {
  await em.transactional(async (tx) => {
    const payout = await lockAt(tx, payoutId);
    if (payout.state !== 'approved') return;
    const sent = await run(tx, systemActor, payout, { type: 'send' }, now);
    await run(tx, systemActor, sent, { type: 'mark_failed', payload: { reason } }, now, { reason });
  });
}

export function payoutView(p: PayoutRecord) {
  return { id: p.id, seller: { id: p.sellerId, name: p.sellerName }, amountMinor: p.amountMinor, currency: p.currency, state: p.state, stateLabel: stateLabel(payoutMachine, p.state), version: p.version, reason: p.reason, requestedAt: p.createdAt, updatedAt: p.updatedAt };
}

/** The command sellers send for their own payouts (`payouts.cancel`); approvers decide through the queue. */
export const payoutSellerCommands = ['cancel'] as const;

/**
 * The seller's money at a glance: balances (with what was paid out) and their payout history, each
 * payout with what the viewer may do to it now (the payout machine under their grants).
 */
export async function sellerPayoutOverview(em: EntityManager, sellerId: string, viewer: Actor, limit: number, minimumMinor: number) {
  const [balances, paidOutMinor, payouts] = await Promise.all([sellerBalances(em, sellerId), payoutRepository.paidOutMinor(em, sellerId), payoutRepository.listForSeller(em, sellerId, limit)]);
  const eur = balances.find((b) => b.currency === 'EUR') ?? { currency: 'EUR', pendingMinor: 0, availableMinor: 0, reservedMinor: 0, inTransitMinor: 0 };
  const withActions = (p: PayoutRecord) => ({ ...payoutView(p), actions: availableActions(payoutMachine, payoutAggregate.snapshot(p, undefined), viewer, payoutSellerCommands) });
  return { balance: { ...eur, paidOutMinor }, minimumMinor, payouts: payouts.map(withActions) };
}

/** What an approver needs on one payout: the request and the seller's money and payout history. */
export async function payoutForReview(em: EntityManager, viewer: Actor, id: string, minimumMinor: number, now: Date) {
  const payout = await payoutRepository.find(em, id);
  if (!payout) throw new AppError('NOT_FOUND', 'This payout does not exist.');
  const verified = await kycRepository.isApproved(em, payout.sellerId);
  // The queue row is what a decision names (queues.decide takes its id and version).
  const row = await queueItemRepository.findBySubject(em, 'payouts', id);
  return { payout: payoutView(payout), sellerVerified: verified, seller: await sellerPayoutOverview(em, payout.sellerId, viewer, 10, minimumMinor), queueItem: row ? queueItemSnapshot(row, now) : null };
}

export async function payoutQueue(em: EntityManager, states: string[]) {
  return (await payoutRepository.listByStates(em, states, 200)).map(payoutView);
}
