// Refunds and chargebacks after the escrow was released: the money is taken back from the seller's
// available balance and the platform's fee in proportion. If the caller knows the seller cannot
// cover their part (`sellerAvailableMinor`), the shortfall is booked to platform:losses instead of
// being refused, because the buyer is refunded regardless and the debt is chased outside the ledger.
import { assert } from '../../invariants/assert.js';
import { sellerAccount } from '../accounts.js';
import type { PostedTransfer, TransferCode } from '../types.js';
import { type OrderSplit, type RefundDestination, refundAccount, shares } from './escrow.js';
import { credit, debit, nonZero } from './postings.js';

export interface Clawback {
  refundId: string;
  refundMinor: number;
  to: RefundDestination;
  /** The seller's current available balance; omit to let the ledger refuse an overdraft instead. */
  sellerAvailableMinor?: number;
}

export function clawbackFromSeller(split: OrderSplit, c: Clawback): PostedTransfer[] {
  return [takeBack(split, { id: `clawback:${c.refundId}`, code: 'clawback', amountMinor: c.refundMinor, to: c.to, sellerAvailableMinor: c.sellerAvailableMinor })];
}

export function takeBack(
  split: OrderSplit,
  t: { id: string; code: TransferCode; amountMinor: number; to: RefundDestination; sellerAvailableMinor: number | undefined },
): PostedTransfer {
  const settledMinor = split.netMinor + split.feeMinor;
  assert(Number.isSafeInteger(t.amountMinor) && t.amountMinor > 0 && t.amountMinor <= settledMinor, 'The amount must be positive and within the settled amount');
  const [sellerPart, feePart] = shares(split, t.amountMinor);
  const fromSeller = t.sellerAvailableMinor === undefined ? sellerPart : Math.min(sellerPart, Math.max(0, t.sellerAvailableMinor));
  const cur = split.currency;
  return {
    kind: 'posted',
    id: t.id,
    code: t.code,
    postings: nonZero([
      debit(sellerAccount(split.sellerId, 'available'), fromSeller, cur),
      debit('platform:fees', feePart, cur),
      debit('platform:losses', sellerPart - fromSeller, cur),
      credit(refundAccount(t.to), t.amountMinor, cur),
    ]),
    meta: { orderId: split.orderId },
  };
}
