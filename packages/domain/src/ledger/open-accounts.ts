// Creating the ledger and opening accounts. Accounts are opened explicitly (for example when a
// seller completes onboarding) so a typo in a code is UNKNOWN_ACCOUNT, never a silent new account.
import type { CurrencyCode } from '../money/currency.js';
import { type AccountCode, normalSideOf, parseAccountCode, platformAccounts } from './accounts.js';
import type { Account, LedgerState } from './types.js';

export type OpenAccountResult =
  | { ok: true; state: LedgerState }
  | { ok: false; refusal: 'UNKNOWN_ACCOUNT' | 'CURRENCY_MISMATCH'; message: string; account: string };

export function createLedger(): LedgerState {
  return { accounts: {}, transfers: {} };
}

export function newAccount(code: AccountCode, currency: CurrencyCode): Account | null {
  const parsed = parseAccountCode(code);
  if (!parsed) return null;
  return {
    code,
    type: parsed.spec.type,
    normalSide: normalSideOf(parsed.spec.type),
    rule: parsed.spec.rule,
    currency,
    debitsPostedMinor: 0,
    creditsPostedMinor: 0,
    debitsPendingMinor: 0,
    creditsPendingMinor: 0,
  };
}

/** Opens the accounts that are missing; reopening an existing one in the same currency is a no-op. */
export function openAccounts(state: LedgerState, codes: readonly string[], currency: CurrencyCode): OpenAccountResult {
  const accounts: Record<string, Account> = { ...state.accounts };
  for (const code of codes) {
    const existing = accounts[code];
    if (existing) {
      if (existing.currency !== currency) {
        return { ok: false, refusal: 'CURRENCY_MISMATCH', account: code, message: `${code} is already open in ${existing.currency}` };
      }
      continue;
    }
    const account = parseAccountCode(code) ? newAccount(code as AccountCode, currency) : null;
    if (!account) return { ok: false, refusal: 'UNKNOWN_ACCOUNT', account: code, message: `${code} is not in the chart of accounts` };
    accounts[code] = account;
  }
  return { ok: true, state: { accounts, transfers: state.transfers } };
}

/** All platform accounts in one currency: what a fresh installation opens. */
export function platformAccountCodes(): AccountCode[] {
  return Object.keys(platformAccounts).map((name) => `platform:${name}` as AccountCode);
}
