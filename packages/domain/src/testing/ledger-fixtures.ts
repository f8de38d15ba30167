// Test support (not exported from the package): a ledger with the platform, two sellers and a
// buyer open in EUR, plus a seller whose accounts are in USD to exercise currency refusals.
import { buyerAccountCodes, sellerAccountCodes } from '../ledger/accounts.js';
import { createLedger, openAccounts, platformAccountCodes } from '../ledger/open-accounts.js';
import type { LedgerResult, LedgerState } from '../ledger/types.js';

export function demoLedger(): LedgerState {
  let state = createLedger();
  const steps: [string[], 'EUR' | 'USD'][] = [
    [[...platformAccountCodes(), ...sellerAccountCodes('1'), ...sellerAccountCodes('2'), ...buyerAccountCodes('7')], 'EUR'],
    [sellerAccountCodes('9'), 'USD'],
  ];
  for (const [codes, currency] of steps) {
    const opened = openAccounts(state, codes, currency);
    if (!opened.ok) throw new Error(opened.message);
    state = opened.state;
  }
  return state;
}

export function expectOk(result: LedgerResult): LedgerState {
  if (!result.ok) throw new Error(`Expected success, got ${result.refusal}: ${result.message}`);
  return result.state;
}
