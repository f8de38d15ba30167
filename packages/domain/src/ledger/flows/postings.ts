// Small builders so each money flow reads like the journal entry it is.
import type { CurrencyCode } from '../../money/currency.js';
import type { AccountCode } from '../accounts.js';
import type { Posting } from '../types.js';

export const debit = (account: AccountCode, amountMinor: number, currency: CurrencyCode): Posting => ({
  account,
  side: 'debit',
  amountMinor,
  currency,
});

export const credit = (account: AccountCode, amountMinor: number, currency: CurrencyCode): Posting => ({
  account,
  side: 'credit',
  amountMinor,
  currency,
});

/** Drops zero-amount postings (a 0 % fee, a fully clawed-back share): the ledger refuses them. */
export function nonZero(postings: readonly Posting[]): Posting[] {
  return postings.filter((p) => p.amountMinor !== 0);
}
