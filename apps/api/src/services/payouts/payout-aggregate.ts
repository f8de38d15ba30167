// Payouts in the command pipeline: each move carries its money (approval moves the held amount to
// in transit, rejection or cancellation gives it back, paid lets it leave, failed returns it), an
// approval sets off the send job, and leaving `requested` takes the payout out of the queue.
import { payoutApproved, payoutFailed, payoutMachine, payoutPaid, payoutRejected, type CurrencyCode, type PayoutContext, type PayoutState, type Snapshot, type Transfer } from '@marketdesk/domain';
import { payoutRepository, type PayoutChanges, type PayoutRecord } from '../../repositories/payout-repository.js';
import { queueItemRepository } from '../../repositories/queue-item-repository.js';
import type { Aggregate } from '../machines/pipeline.js';
import { moveQueueRow } from '../queues/subject-rows.js';
import { job } from '../../jobs/job-types.js';

export const payoutRooms = (p: { sellerId: string }) => [`seller:${p.sellerId}`, 'queue:payouts'];
export const payoutStream = (id: string) => `payout:${id}`;

function payoutSnapshot(p: PayoutRecord): Snapshot<PayoutState, PayoutContext> {
  return {
    state: p.state as PayoutState,
    context: { payoutId: p.id, sellerId: p.sellerId, requestedBy: p.requestedBy, amountMinor: p.amountMinor, currency: p.currency as CurrencyCode },
    enteredAtMs: p.updatedAt.getTime(),
  };
}

export const payoutMoney = (p: PayoutRecord) => ({ payoutId: p.id, sellerId: p.sellerId, currency: p.currency as CurrencyCode, amountMinor: p.amountMinor });

/** The ledger side of each payout command. */
const moneyOf: Record<string, (p: PayoutRecord) => readonly Transfer[]> = {
  approve: (p) => payoutApproved(payoutMoney(p)),
  reject: (p) => payoutRejected(payoutMoney(p)),
  cancel: (p) => payoutRejected(payoutMoney(p)),
  mark_paid: (p) => payoutPaid(payoutMoney(p)),
  mark_failed: (p) => payoutFailed(payoutMoney(p)),
};

const queueActions: Record<string, string> = { approve: 'approved', reject: 'rejected', cancel: 'cancelled' };

export const payoutAggregate: Aggregate<PayoutRecord, PayoutState, PayoutContext, PayoutChanges, void> = {
  noun: 'payout',
  machine: () => payoutMachine,
  find: (em, id, opts) => payoutRepository.find(em, id, opts),
  snapshot: payoutSnapshot,
  write: (em, id, version, changes, now) => payoutRepository.update(em, id, version, changes, now),
  plan: (p, result, command) => ({
    changes: { state: result.state },
    transfers: moneyOf[command.type]?.(p) ?? [],
    jobs: command.type === 'approve' ? [job('payouts.send', { payoutId: p.id })] : [],
  }),
  stream: (p) => payoutStream(p.id),
  rooms: payoutRooms,
  async follow(tx, { before, command, result, actorId, now }) {
    // Leaving `requested` takes the payout out of the queue (approved, rejected or cancelled).
    if (before.state !== 'requested') return;
    const row = await queueItemRepository.findBySubject(tx, 'payouts', before.id, { forUpdate: true });
    if (row) await moveQueueRow(tx, row, { state: result.state, waitingOn: null, action: queueActions[command.type] ?? command.type, actorId, decided: command.type !== 'cancel' }, now);
  },
};
