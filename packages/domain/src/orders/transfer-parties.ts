// What one ledger transfer of an order means to each party, in minor units, signed:
//   buyerMinor   money that went back to the buyer (+), or that the buyer paid (−, the capture)
//   sellerMinor  the seller's share earmarked (+ pending hold), released (+ posting a hold), taken
//                back (− clawback) or un-earmarked (− voiding a hold)
//   feeMinor     the platform's commission, the same way
// Worked out once, when the transfer is recorded on the order's timeline, so a timeline reads
// "€10.00 back to your card" or "€51.21 released to your balance" without replaying the ledger.
import { parseAccountCode } from '../ledger/accounts.js';
import type { EscrowHold } from '../ledger/flows/escrow.js';
import type { Posting, Transfer, TransferCode } from '../ledger/types.js';

export interface TransferParties {
  buyerMinor: number;
  sellerMinor: number;
  feeMinor: number;
}

/** Transfers whose credit to the provider (or to store credit) is money going back to the buyer. */
const returnsToBuyer: ReadonlySet<TransferCode> = new Set(['refund', 'dispute_settlement', 'clawback', 'chargeback']);

const signed = (p: Posting) => (p.side === 'credit' ? p.amountMinor : -p.amountMinor);

function isBuyerDestination(account: string): boolean {
  const parsed = parseAccountCode(account);
  return account === 'platform:stripe_clearing' || (parsed?.owner.kind === 'buyer' && parsed.name === 'credit');
}

function fromPostings(code: TransferCode, postings: readonly Posting[]): TransferParties {
  let buyerMinor = 0;
  let sellerMinor = 0;
  let feeMinor = 0;
  for (const p of postings) {
    const parsed = parseAccountCode(p.account);
    if (parsed?.owner.kind === 'seller' && parsed.name === 'available') sellerMinor += signed(p);
    if (p.account === 'platform:fees') feeMinor += signed(p);
    if (code === 'payment_captured' && p.account === 'platform:stripe_clearing') buyerMinor += signed(p);
    if (returnsToBuyer.has(code) && isBuyerDestination(p.account) && p.side === 'credit') buyerMinor += p.amountMinor;
  }
  return { buyerMinor, sellerMinor, feeMinor };
}

/**
 * `hold` is the escrow hold the order carried before this transfer: posting it without postings
 * releases all of it, voiding it un-earmarks all of it.
 */
export function transferParties(transfer: Transfer, hold: Pick<EscrowHold, 'netMinor' | 'feeMinor'> | null): TransferParties {
  switch (transfer.kind) {
    case 'posted':
    case 'pending':
      return fromPostings(transfer.code, transfer.postings);
    case 'post_pending':
      if (transfer.postings?.length) return fromPostings(transfer.code, transfer.postings);
      return { buyerMinor: 0, sellerMinor: hold?.netMinor ?? 0, feeMinor: hold?.feeMinor ?? 0 };
    case 'void_pending':
      return { buyerMinor: 0, sellerMinor: -(hold?.netMinor ?? 0), feeMinor: -(hold?.feeMinor ?? 0) };
  }
}
