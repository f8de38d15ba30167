// The house shop buying a seller's submission: the agreed price becomes the seller's available
// balance at once (withdrawn through the normal payout path) and the platform's inventory, at cost.
// When the house shop sells a record, the sale runs through escrow like any other seller's.
import { assert } from '../../invariants/assert.js';
import type { CurrencyCode } from '../../money/currency.js';
import { sellerAccount } from '../accounts.js';
import type { PostedTransfer } from '../types.js';
import { credit, debit } from './postings.js';

export interface InventoryPurchase {
  submissionId: string;
  sellerId: string;
  currency: CurrencyCode;
  amountMinor: number;
}

/** One transfer per submission: its id makes a retried acceptance pay once. */
export const inventoryPurchaseId = (submissionId: string): string => `submission:${submissionId}:purchase`;

export function inventoryPurchased(p: InventoryPurchase): PostedTransfer[] {
  assert(Number.isSafeInteger(p.amountMinor) && p.amountMinor > 0, 'A purchase must be a positive amount');
  return [
    {
      kind: 'posted',
      id: inventoryPurchaseId(p.submissionId),
      code: 'inventory_purchased',
      postings: [debit('platform:inventory', p.amountMinor, p.currency), credit(sellerAccount(p.sellerId, 'available'), p.amountMinor, p.currency)],
      meta: { submissionId: p.submissionId, sellerId: p.sellerId },
    },
  ];
}
