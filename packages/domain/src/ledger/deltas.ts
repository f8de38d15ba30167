// Accumulating the effect of a transfer on account columns, then committing it while checking
// the balance rules. Kept apart from the transfer kinds so every kind shares one commit path.
import type { AccountCode } from './accounts.js';
import type { Account, LedgerRefusal, Posting } from './types.js';

type Column = 'debitsPostedMinor' | 'creditsPostedMinor' | 'debitsPendingMinor' | 'creditsPendingMinor';
export type Deltas = Map<AccountCode, Record<Column, number>>;

export function emptyDeltas(): Deltas {
  return new Map();
}

/** Adds (sign 1) or removes (sign -1) postings in the posted or pending columns. */
export function addPostings(deltas: Deltas, postings: readonly Posting[], phase: 'posted' | 'pending', sign: 1 | -1): void {
  for (const p of postings) {
    const d = deltas.get(p.account) ?? { debitsPostedMinor: 0, creditsPostedMinor: 0, debitsPendingMinor: 0, creditsPendingMinor: 0 };
    const column: Column = `${p.side === 'debit' ? 'debits' : 'credits'}${phase === 'posted' ? 'Posted' : 'Pending'}Minor`;
    d[column] += sign * p.amountMinor;
    deltas.set(p.account, d);
  }
}

/**
 * Applies the deltas to copies of the touched accounts. Refuses when a column would leave the safe
 * integer range, or when an account with the `non_negative` rule would owe more than it holds.
 * Holds count against the balance (a pending debit on a seller's available balance reserves it),
 * incoming holds do not (money on its way is not yet spendable).
 */
export function commitDeltas(
  accounts: Readonly<Record<string, Account>>,
  deltas: Deltas,
  transferId: string,
): { ok: true; accounts: Record<string, Account> } | LedgerRefusal {
  const next: Record<string, Account> = { ...accounts };
  for (const [code, d] of deltas) {
    const before = accounts[code];
    if (!before) return { ok: false, refusal: 'UNKNOWN_ACCOUNT', transferId, account: code, message: `${code} is not open` };
    const after: Account = {
      ...before,
      debitsPostedMinor: before.debitsPostedMinor + d.debitsPostedMinor,
      creditsPostedMinor: before.creditsPostedMinor + d.creditsPostedMinor,
      debitsPendingMinor: before.debitsPendingMinor + d.debitsPendingMinor,
      creditsPendingMinor: before.creditsPendingMinor + d.creditsPendingMinor,
    };
    const columns = [after.debitsPostedMinor, after.creditsPostedMinor, after.debitsPendingMinor, after.creditsPendingMinor];
    if (!columns.every(Number.isSafeInteger)) {
      return { ok: false, refusal: 'OVERFLOW', transferId, account: code, message: `${code} would exceed the safe integer range` };
    }
    if (after.rule === 'non_negative' && availableOnNormalSide(after) < 0) {
      return { ok: false, refusal: 'INSUFFICIENT_FUNDS', transferId, account: code, message: `${code} has insufficient funds` };
    }
    next[code] = after;
  }
  return { ok: true, accounts: next };
}

/** Posted balance on the account's normal side minus outgoing holds. */
export function availableOnNormalSide(a: Account): number {
  return a.normalSide === 'credit'
    ? a.creditsPostedMinor - a.debitsPostedMinor - a.debitsPendingMinor
    : a.debitsPostedMinor - a.creditsPostedMinor - a.creditsPendingMinor;
}
