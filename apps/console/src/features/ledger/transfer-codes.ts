// Why money moved, in words: one label per ledger transfer code (packages/domain/src/ledger/types.ts),
// used by order timelines, the seller's statement and the admin ledger explorer.
import type { TransferCode } from '@marketdesk/domain';

/** Typed by the domain's codes, so a new code without words fails the build. */
export const transferCodeLabels: Record<TransferCode, string> = {
  payment_captured: 'Payment captured into escrow',
  escrow_hold: 'Funds held in escrow',
  escrow_release: 'Escrow released to seller',
  refund: 'Refunded to buyer',
  clawback: 'Amount clawed back',
  dispute_settlement: 'Dispute settled',
  chargeback: 'Chargeback',
  chargeback_fee: 'Chargeback fee',
  payout_requested: 'Payout requested',
  payout_approved: 'Payout approved',
  payout_rejected: 'Payout rejected or cancelled',
  payout_paid: 'Payout paid',
  payout_failed: 'Payout failed; money returned',
  provider_settlement: 'Provider settlement',
  hold_expired: 'Escrow hold expired',
  inventory_purchased: 'Submission bought by the house shop',
  adjustment: 'Balance adjustment',
};

export function transferCodeLabel(code: string): string {
  return (transferCodeLabels as Record<string, string>)[code] ?? `Ledger: ${code || 'transfer'}`;
}

/** `seller:…:available` → "Available"; platform and buyer accounts keep their code. */
export function sellerAccountLabel(code: string): string {
  if (code.endsWith(':available')) return 'Available';
  if (code.endsWith(':in_transit')) return 'In transit';
  return code;
}

const ownerIdPattern = /^(seller|buyer):([0-9a-f]{8})[0-9a-f-]{28}:/i;

/** `seller:29e8785d-…:available` → `seller:29e8785d…:available` (the full code goes in a title). */
export function shortAccountCode(code: string): string {
  return code.replace(ownerIdPattern, '$1:$2…:');
}
