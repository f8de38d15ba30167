// Seller withdrawals. Requesting holds the amount on the seller's available balance (so it cannot
// be requested twice); an admin — never the requester — approves (the hold posts to in transit)
// or rejects (it is voided); approved payouts are sent by a job through the PaymentGateway with
// the payout id as idempotency key; the provider's payout.paid / payout.failed webhooks settle
// them or give the money back. Every step runs the payout machine and lands in the outbox.
import { randomUUID } from 'node:crypto';
import {
  balanceOf,
  reasonText,
  type QueueDecision,
  payoutApproved,
  payoutFailed,
  payoutMachine,
  payoutPaid,
  payoutRejected,
  payoutRequested,
  sellerAccount,
  systemActor,
  type CurrencyCode,
  type MachineActor,
  type PayoutContext,
  type PayoutState,
  type Snapshot,
  type Transfer,
} from '@marketdesk/domain';
import type { EntityManager, OutboxJob } from '@marketdesk/db';
import { AppError } from '../../errors/app-error.js';
import { formatMinor } from '../../errors/format-money.js';
import { ledgerRepository } from '../../repositories/ledger-repository.js';
import { payoutRepository, type PayoutChanges, type PayoutRecord } from '../../repositories/payout-repository.js';
import { postTransfers } from '../ledger/post-transfers.js';
import { sellerBalances } from '../ledger/seller-balances.js';
import { runCommand } from '../machines/run-command.js';
import { recordEvent } from '../outbox/record-event.js';
import { queueItemRepository, type QueueItemRecord } from '../../repositories/queue-item-repository.js';
import { assertVerifiedSeller } from '../kyc/seller-verification.js';
import { kycRepository } from '../../repositories/kyc-repository.js';
import { assertMayDecide } from '../queues/decision-guard.js';
import type { QueueActor } from '../queues/queue-access.js';
import { queueItemSnapshot } from '../queues/queue-item-view.js';
import { enterQueue, moveQueueRow } from '../queues/subject-rows.js';

const rooms = (p: { sellerId: string }) => [`seller:${p.sellerId}`, 'queue:payouts'];

function snapshotOf(p: PayoutRecord): Snapshot<PayoutState, PayoutContext> {
  return {
    state: p.state as PayoutState,
    context: { payoutId: p.id, sellerId: p.sellerId, requestedBy: p.requestedBy, amountMinor: p.amountMinor, currency: p.currency as CurrencyCode },
    enteredAtMs: p.updatedAt.getTime(),
  };
}

const money = (p: PayoutRecord) => ({ payoutId: p.id, sellerId: p.sellerId, currency: p.currency as CurrencyCode, amountMinor: p.amountMinor });

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
    await recordEvent(tx, { stream: `payout:${id}`, name: 'payout.requested', payload: { payoutId: id, sellerId: seller.id, currency, amountMinor: input.amountMinor, actorId: seller.id }, rooms: rooms({ sellerId: seller.id }), actorId: seller.id, now });
    const payout = (await payoutRepository.find(tx, id))!;
    await enterQueue(tx, { queue: 'payouts', subjectId: id, state: 'requested', title: `${formatMinor(payout.amountMinor, currency)} to ${payout.sellerName}`, sellerId: seller.id, valueMinor: payout.amountMinor, currency, waitingOn: 'staff' }, seller.id, now);
    return payout;
  });
}

/** Runs a payout machine command with its ledger transfers, on the version the caller saw. */
async function applyPayoutCommand(tx: EntityManager, actor: MachineActor, payout: PayoutRecord, command: { type: string; payload?: unknown }, transfers: readonly Transfer[], changes: PayoutChanges, now: Date, jobs: OutboxJob[] = []) {
  const result = runCommand(payoutMachine, snapshotOf(payout), command, actor, now);
  if (!(await payoutRepository.update(tx, payout.id, payout.version, { ...changes, state: result.state }, now))) {
    throw new AppError('CONFLICT', 'This payout changed since you opened it. Reload to see its current state.', { reason: 'STALE_VERSION' });
  }
  if (transfers.length) await postTransfers(tx, transfers, now);
  const actorId = actor.id === 'system' ? null : actor.id;
  for (const [i, e] of result.events.entries()) {
    await recordEvent(tx, { stream: `payout:${payout.id}`, name: e.name, payload: e.payload as never, rooms: rooms(payout), jobs: i === 0 ? jobs : [], actorId, now });
  }
  // Leaving `requested` takes the payout out of the queue (approved, rejected or cancelled).
  if (payout.state === 'requested') {
    const row = await queueItemRepository.findBySubject(tx, 'payouts', payout.id, { forUpdate: true });
    if (row) await moveQueueRow(tx, row, { state: result.state, waitingOn: null, action: command.type === 'approve' ? 'approved' : command.type === 'reject' ? 'rejected' : 'cancelled', actorId, decided: command.type !== 'cancel' }, now);
  }
  return (await payoutRepository.find(tx, payout.id))!;
}

async function lockAt(tx: EntityManager, id: string, version?: number): Promise<PayoutRecord> {
  const payout = await payoutRepository.find(tx, id, { forUpdate: true });
  if (!payout) throw new AppError('NOT_FOUND', 'This payout does not exist.');
  if (version !== undefined && payout.version !== version) throw new AppError('CONFLICT', `This payout was already ${payout.state} by someone else. Reload to see it.`, { reason: 'STALE_VERSION', state: payout.state });
  return payout;
}

function approveOrReject(tx: EntityManager, admin: MachineActor, payout: PayoutRecord, decision: 'approve' | 'reject', reason: string | undefined, now: Date) {
  if (decision === 'approve') {
    return applyPayoutCommand(tx, admin, payout, { type: 'approve' }, payoutApproved(money(payout)), { decidedBy: admin.id }, now, [{ name: 'payouts.send', data: { payoutId: payout.id } }]);
  }
  return applyPayoutCommand(tx, admin, payout, { type: 'reject', payload: { reason: reason ?? '' } }, payoutRejected(money(payout)), { decidedBy: admin.id, reason: reason ?? null }, now);
}

/** A decision on the payout's own version (payouts.decide); a colleague's claim in the queue is respected. */
export async function decidePayout(em: EntityManager, admin: MachineActor & QueueActor, input: { id: string; version: number; decision: 'approve' | 'reject'; reason?: string }, now: Date) {
  return em.transactional(async (tx) => {
    const row = await queueItemRepository.findBySubject(tx, 'payouts', input.id, { forUpdate: true });
    const payout = await lockAt(tx, input.id, input.version);
    if (row && row.state === 'requested') assertMayDecide(admin, row, row.version, now);
    return approveOrReject(tx, admin, payout, input.decision, input.reason, now);
  });
}

/** A decision from the `payouts` queue (single or bulk), on the queue row's version, row locked. */
export async function decidePayoutLocked(tx: EntityManager, admin: MachineActor & QueueActor, row: QueueItemRecord, version: number, decision: QueueDecision, now: Date) {
  assertMayDecide(admin, row, version, now);
  const payout = await lockAt(tx, row.subjectId);
  if (decision.decision === 'request_info') throw new AppError('BAD_REQUEST', 'Payouts have no questions step: approve or reject it.', { field: 'decision' });
  const reason = decision.decision === 'reject' ? reasonText('payouts', decision.reason, decision.note) : undefined;
  await approveOrReject(tx, admin, payout, decision.decision === 'accept' ? 'approve' : 'reject', reason, now);
  return { item: queueItemSnapshot((await queueItemRepository.find(tx, row.id))!, now) };
}

/** A seller withdraws their own request before anyone decided. */
export async function cancelPayout(em: EntityManager, seller: MachineActor, input: { id: string; version: number }, now: Date) {
  return em.transactional(async (tx) => {
    const payout = await lockAt(tx, input.id, input.version);
    if (payout.sellerId !== seller.id) throw new AppError('NOT_FOUND', 'This payout does not exist.');
    return applyPayoutCommand(tx, seller, payout, { type: 'cancel' }, payoutRejected(money(payout)), { reason: 'cancelled_by_seller' }, now);
  });
}

/** The provider reported the bank transfer: money leaves (paid) or comes back to available (failed). */
export async function settlePayout(em: EntityManager, report: { providerPayoutId: string; outcome: 'paid' | 'failed'; reason?: string | null }, now: Date): Promise<'settled' | 'ignored'> {
  return em.transactional(async (tx) => {
    const found = await payoutRepository.findByProviderPayout(tx, report.providerPayoutId);
    const payout = found && (await lockAt(tx, found.id));
    if (!payout || payout.state !== 'processing') return 'ignored';
    if (report.outcome === 'paid') await applyPayoutCommand(tx, systemActor, payout, { type: 'mark_paid' }, payoutPaid(money(payout)), {}, now);
    else await applyPayoutCommand(tx, systemActor, payout, { type: 'mark_failed', payload: { reason: report.reason || 'The bank returned the payout.' } }, payoutFailed(money(payout)), { reason: report.reason ?? null }, now);
    return 'settled';
  });
}

/** Step of the send job, after the provider accepted the payout. */
export async function markPayoutSent(em: EntityManager, payoutId: string, provider: { transferId: string; payoutId: string }, now: Date): Promise<void> {
  await em.transactional(async (tx) => {
    const payout = await lockAt(tx, payoutId);
    if (payout.state !== 'approved') return;
    await applyPayoutCommand(tx, systemActor, payout, { type: 'send' }, [], { providerTransferId: provider.transferId, providerPayoutId: provider.payoutId }, now);
  });
}

/** The provider refused the payout outright (not a transient error): it fails and the money returns. */
export async function failUnsentPayout(em: EntityManager, payoutId: string, reason: string, now: Date): Promise<void> {
  await em.transactional(async (tx) => {
    const payout = await lockAt(tx, payoutId);
    if (payout.state !== 'approved') return;
    const sent = await applyPayoutCommand(tx, systemActor, payout, { type: 'send' }, [], {}, now);
    await applyPayoutCommand(tx, systemActor, sent, { type: 'mark_failed', payload: { reason } }, payoutFailed(money(sent)), { reason }, now);
  });
}

export function payoutView(p: PayoutRecord) {
  return { id: p.id, seller: { id: p.sellerId, name: p.sellerName }, amountMinor: p.amountMinor, currency: p.currency, state: p.state, version: p.version, reason: p.reason, requestedAt: p.createdAt, updatedAt: p.updatedAt };
}

/** The seller's money at a glance: balances (with what was paid out) and their payout history. */
export async function sellerPayoutOverview(em: EntityManager, sellerId: string, limit: number, minimumMinor: number) {
  const [balances, paidOutMinor, payouts] = await Promise.all([sellerBalances(em, sellerId), payoutRepository.paidOutMinor(em, sellerId), payoutRepository.listForSeller(em, sellerId, limit)]);
  const eur = balances.find((b) => b.currency === 'EUR') ?? { currency: 'EUR', pendingMinor: 0, availableMinor: 0, reservedMinor: 0, inTransitMinor: 0 };
  return { balance: { ...eur, paidOutMinor }, minimumMinor, payouts: payouts.map(payoutView) };
}

/** What an approver needs on one payout: the request and the seller's money and payout history. */
export async function payoutForReview(em: EntityManager, id: string, minimumMinor: number) {
  const payout = await payoutRepository.find(em, id);
  if (!payout) throw new AppError('NOT_FOUND', 'This payout does not exist.');
  const verified = await kycRepository.isApproved(em, payout.sellerId);
  return { payout: payoutView(payout), sellerVerified: verified, seller: await sellerPayoutOverview(em, payout.sellerId, 10, minimumMinor) };
}

export async function payoutQueue(em: EntityManager, states: string[]) {
  return (await payoutRepository.listByStates(em, states, 200)).map(payoutView);
}
