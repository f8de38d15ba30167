// Seller payouts. Money: request = hold on available (ledger/flows/payouts.ts), approve = post it,
// reject = void it, paid / failed as the provider reports. Approval needs a second person.
import { z } from 'zod';
import type { CurrencyCode } from '../../money/currency.js';
import { defineMachine } from '../define.js';
import type { CommandCatalogue } from '../types.js';
import { actorIdOf, emptyPayload, payloadField, reasonPayload } from './shared.js';

export type PayoutState = 'requested' | 'approved' | 'processing' | 'paid' | 'failed' | 'rejected';

export interface PayoutContext {
  payoutId: string;
  sellerId: string;
  /** The user who requested it; they may not approve it too (four eyes). */
  requestedBy: string;
  amountMinor: number;
  currency: CurrencyCode;
}

const payoutCommands = {
  approve: { label: 'Approve', payload: emptyPayload },
  reject: { label: 'Reject', payload: reasonPayload },
  cancel: { label: 'Cancel', payload: emptyPayload },
  send: { label: 'Send to provider', payload: emptyPayload },
  mark_paid: { label: 'Mark paid', payload: emptyPayload },
  mark_failed: { label: 'Mark failed', payload: z.object({ reason: z.string().min(1).max(500) }) },
} satisfies CommandCatalogue;

export const payoutMachine = defineMachine<PayoutState, typeof payoutCommands, PayoutContext>({
  id: 'payout',
  label: 'Payout',
  initial: 'requested',
  commands: payoutCommands,
  policyObject: (c) => ({ kind: 'payout', sellerId: c.sellerId }),
  states: {
    requested: {
      label: 'Requested',
      on: {
        approve: {
          to: 'approved', permission: 'payouts.approve', guardLabel: 'four eyes', emits: ['payout.approved'],
          guard: (c, _p, actor) => (actor.id !== c.requestedBy ? null : { reason: 'FOUR_EYES', message: 'Someone other than the requester must approve a payout' }),
        },
        reject: { to: 'rejected', permission: 'payouts.approve', emits: ['payout.rejected'] },
        // Withdrawing the request is the seller's own.
        cancel: { to: 'rejected', permission: 'payouts.request', party: 'seller', partyOnly: true, emits: ['payout.rejected'] },
      },
    },
    approved: { label: 'Approved', on: { send: { to: 'processing', permission: 'payouts.approve', system: true, emits: ['payout.sent'] } } },
    processing: {
      label: 'Processing',
      on: {
        mark_paid: { to: 'paid', system: true, emits: ['payout.paid'] },
        mark_failed: { to: 'failed', system: true, emits: ['payout.failed'] },
      },
    },
    paid: { label: 'Paid', terminal: true },
    failed: { label: 'Failed', terminal: true },
    rejected: { label: 'Rejected', terminal: true },
  },
  eventPayload(name, info) {
    const c = info.context;
    const base = { payoutId: c.payoutId, sellerId: c.sellerId, currency: c.currency, amountMinor: c.amountMinor, from: info.from, to: info.to, actorId: actorIdOf(info.actor) };
    if (name === 'payout.rejected') return { ...base, reason: payloadField<string>(info.payload, 'reason') ?? 'cancelled_by_seller' };
    if (name === 'payout.failed') return { ...base, reason: payloadField<string>(info.payload, 'reason') };
    return base;
  },
});
