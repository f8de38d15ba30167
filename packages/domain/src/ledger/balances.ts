// Reading balances, and the checks the reconciliation job runs: the ledger is balanced when, in
// every currency, total debits equal total credits — for posted amounts and for holds separately.
import type { CurrencyCode } from '../money/currency.js';
import { availableOnNormalSide } from './deltas.js';
import type { Account, LedgerState, PendingTransfer, Posting, TransferRecord } from './types.js';

export interface AccountBalance {
  code: Account['code'];
  currency: CurrencyCode;
  /** Posted balance on the normal side (a seller's available balance is positive). */
  postedMinor: number;
  /** Posted minus outgoing holds: what may be spent or paid out now. */
  availableMinor: number;
  /** Incoming holds: shown to a seller as "pending". */
  incomingMinor: number;
  /** Outgoing holds: reserved, e.g. a requested payout. */
  reservedMinor: number;
}

export function balanceOf(account: Account): AccountBalance {
  const credit = account.normalSide === 'credit';
  return {
    code: account.code,
    currency: account.currency,
    postedMinor: credit ? account.creditsPostedMinor - account.debitsPostedMinor : account.debitsPostedMinor - account.creditsPostedMinor,
    availableMinor: availableOnNormalSide(account),
    incomingMinor: credit ? account.creditsPendingMinor : account.debitsPendingMinor,
    reservedMinor: credit ? account.debitsPendingMinor : account.creditsPendingMinor,
  };
}

export interface CurrencyTotals {
  debitsPostedMinor: number;
  creditsPostedMinor: number;
  debitsPendingMinor: number;
  creditsPendingMinor: number;
}

/** Per-currency totals of every column; the ledger is sound when debits equal credits in each. */
export function trialBalance(state: LedgerState): Partial<Record<CurrencyCode, CurrencyTotals>> {
  const totals: Partial<Record<CurrencyCode, CurrencyTotals>> = {};
  for (const a of Object.values(state.accounts)) {
    const t = (totals[a.currency] ??= { debitsPostedMinor: 0, creditsPostedMinor: 0, debitsPendingMinor: 0, creditsPendingMinor: 0 });
    t.debitsPostedMinor += a.debitsPostedMinor;
    t.creditsPostedMinor += a.creditsPostedMinor;
    t.debitsPendingMinor += a.debitsPendingMinor;
    t.creditsPendingMinor += a.creditsPendingMinor;
  }
  return totals;
}

/**
 * Sum of all signed balances (debit positive, credit negative) per currency, posted and pending.
 * Double entry means both are always zero; anything else is a bug or a corrupted store.
 */
export function sumOfBalances(state: LedgerState): Partial<Record<CurrencyCode, { postedMinor: number; pendingMinor: number }>> {
  const sums: Partial<Record<CurrencyCode, { postedMinor: number; pendingMinor: number }>> = {};
  for (const [currency, t] of Object.entries(trialBalance(state)) as [CurrencyCode, CurrencyTotals][]) {
    sums[currency] = {
      postedMinor: t.debitsPostedMinor - t.creditsPostedMinor,
      pendingMinor: t.debitsPendingMinor - t.creditsPendingMinor,
    };
  }
  return sums;
}

export function isBalanced(state: LedgerState): boolean {
  return Object.values(sumOfBalances(state)).every((s) => s.postedMinor === 0 && s.pendingMinor === 0);
}

/** The postings a record actually posted (a full post of a hold posts the hold's postings). */
export function postedPostingsOf(state: LedgerState, record: TransferRecord): readonly Posting[] {
  const t = record.transfer;
  if (t.kind === 'posted') return t.postings;
  if (t.kind === 'post_pending') return t.postings ?? (state.transfers[t.pendingId]?.transfer as PendingTransfer | undefined)?.postings ?? [];
  return [];
}

/**
 * Posted escrow per order (credit positive). Once an order is settled — released, refunded or
 * split — its escrow nets to zero; the reconciliation job flags every settled order that does not.
 */
export function escrowByOrder(state: LedgerState): Record<string, number> {
  const byOrder: Record<string, number> = {};
  for (const record of Object.values(state.transfers)) {
    const orderId = record.transfer.meta?.['orderId'];
    if (orderId === undefined) continue;
    for (const p of postedPostingsOf(state, record)) {
      if (p.account !== 'platform:escrow') continue;
      byOrder[orderId] = (byOrder[orderId] ?? 0) + (p.side === 'credit' ? p.amountMinor : -p.amountMinor);
    }
  }
  return byOrder;
}
