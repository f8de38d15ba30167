// Rebuilding the ledger from the persisted transfer log (oldest first) and the opened accounts.
// The API stores each applied transfer with its `appliedAtMs`; replaying them in order through
// applyTransfer yields the same state, including expired holds (expiry is itself a transfer).
import { applyTransfer } from './apply-transfer.js';
import type { Account, LedgerRefusal, LedgerState, Transfer } from './types.js';

export function replayLedger(
  openedAccounts: readonly Account[],
  log: readonly { transfer: Transfer; appliedAtMs: number }[],
): { ok: true; state: LedgerState } | LedgerRefusal {
  const accounts: Record<string, Account> = {};
  for (const a of openedAccounts) {
    accounts[a.code] = { ...a, debitsPostedMinor: 0, creditsPostedMinor: 0, debitsPendingMinor: 0, creditsPendingMinor: 0 };
  }
  let state: LedgerState = { accounts, transfers: {} };
  for (const entry of log) {
    const result = applyTransfer(state, entry.transfer, entry.appliedAtMs);
    if (!result.ok) return result;
    state = result.state;
  }
  return { ok: true, state };
}
