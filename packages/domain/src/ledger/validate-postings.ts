// Checks every set of postings must pass before it touches a balance: positive safe amounts,
// open accounts in the posting's currency, and debits equal to credits in each currency.
import type { Account, LedgerRefusal, Posting } from './types.js';

export function validatePostings(
  accounts: Readonly<Record<string, Account>>,
  postings: readonly Posting[],
  transferId: string,
): LedgerRefusal | null {
  const refuse = (refusal: LedgerRefusal['refusal'], message: string, p?: Posting): LedgerRefusal => ({
    ok: false,
    refusal,
    message,
    transferId,
    ...(p ? { account: p.account } : {}),
  });
  if (postings.length === 0) return refuse('NO_POSTINGS', 'A transfer needs at least one debit and one credit');
  const net = new Map<string, bigint>();
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amountMinor) || p.amountMinor <= 0) {
      return refuse('INVALID_AMOUNT', `Posting amounts must be positive integers, got ${p.amountMinor}`, p);
    }
    const account = accounts[p.account];
    if (!account) return refuse('UNKNOWN_ACCOUNT', `${p.account} is not open`, p);
    if (account.currency !== p.currency) {
      return refuse('CURRENCY_MISMATCH', `${p.account} holds ${account.currency}, not ${p.currency}`, p);
    }
    const signed = BigInt(p.amountMinor) * (p.side === 'debit' ? 1n : -1n);
    net.set(p.currency, (net.get(p.currency) ?? 0n) + signed);
  }
  for (const [currency, difference] of net) {
    if (difference !== 0n) return refuse('UNBALANCED', `Debits and credits in ${currency} differ by ${difference}`);
  }
  return null;
}

/** Sum of amounts per `account|side`, for comparing a partial post with its hold. */
export function amountsByAccountSide(postings: readonly Posting[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const p of postings) totals.set(`${p.account}|${p.side}`, (totals.get(`${p.account}|${p.side}`) ?? 0) + p.amountMinor);
  return totals;
}
