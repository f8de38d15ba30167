// Paying sellers. A request places a hold on the seller's available balance (so the same money
// cannot be requested twice) towards in_transit; approval posts it; rejection voids it. When the
// provider reports the bank transfer, money leaves the provider balance (paid) or comes back to
// the seller's available balance (failed).
import { assert } from '../../invariants/assert.js';
import type { CurrencyCode } from '../../money/currency.js';
import { sellerAccount } from '../accounts.js';
import type { PendingTransfer, PostedTransfer, PostPendingTransfer, VoidPendingTransfer } from '../types.js';
import { credit, debit } from './postings.js';

export interface PayoutMoney {
  payoutId: string;
  sellerId: string;
  currency: CurrencyCode;
  amountMinor: number;
}

export const payoutHoldId = (payoutId: string): string => `payout:${payoutId}:hold`;

export function payoutRequested(p: PayoutMoney, options: { expiresAtMs?: number } = {}): PendingTransfer[] {
  assert(Number.isSafeInteger(p.amountMinor) && p.amountMinor > 0, 'A payout must be a positive amount');
  return [
    {
      kind: 'pending',
      id: payoutHoldId(p.payoutId),
      code: 'payout_requested',
      postings: [debit(sellerAccount(p.sellerId, 'available'), p.amountMinor, p.currency), credit(sellerAccount(p.sellerId, 'in_transit'), p.amountMinor, p.currency)],
      meta: meta(p),
      ...(options.expiresAtMs !== undefined ? { expiresAtMs: options.expiresAtMs } : {}),
    },
  ];
}

export function payoutApproved(p: PayoutMoney): PostPendingTransfer[] {
  return [{ kind: 'post_pending', id: `payout:${p.payoutId}:approve`, code: 'payout_approved', pendingId: payoutHoldId(p.payoutId), meta: meta(p) }];
}

export function payoutRejected(p: PayoutMoney): VoidPendingTransfer[] {
  return [{ kind: 'void_pending', id: `payout:${p.payoutId}:reject`, code: 'payout_rejected', pendingId: payoutHoldId(p.payoutId), meta: meta(p) }];
}

export function payoutPaid(p: PayoutMoney): PostedTransfer[] {
  return [
    {
      kind: 'posted',
      id: `payout:${p.payoutId}:paid`,
      code: 'payout_paid',
      postings: [debit(sellerAccount(p.sellerId, 'in_transit'), p.amountMinor, p.currency), credit('platform:stripe_clearing', p.amountMinor, p.currency)],
      meta: meta(p),
    },
  ];
}

export function payoutFailed(p: PayoutMoney): PostedTransfer[] {
  return [
    {
      kind: 'posted',
      id: `payout:${p.payoutId}:failed`,
      code: 'payout_failed',
      postings: [debit(sellerAccount(p.sellerId, 'in_transit'), p.amountMinor, p.currency), credit(sellerAccount(p.sellerId, 'available'), p.amountMinor, p.currency)],
      meta: meta(p),
    },
  ];
}

/** The provider paid its balance out to the platform bank account. */
export function providerSettled(s: { settlementId: string; currency: CurrencyCode; amountMinor: number }): PostedTransfer[] {
  assert(Number.isSafeInteger(s.amountMinor) && s.amountMinor > 0, 'A settlement must be a positive amount');
  return [
    {
      kind: 'posted',
      id: `settlement:${s.settlementId}`,
      code: 'provider_settlement',
      postings: [debit('platform:cash', s.amountMinor, s.currency), credit('platform:stripe_clearing', s.amountMinor, s.currency)],
    },
  ];
}

function meta(p: PayoutMoney): Record<string, string> {
  return { payoutId: p.payoutId, sellerId: p.sellerId };
}
