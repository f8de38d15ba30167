// Money flows for an order while its money sits in escrow.
//
// Capture: the buyer's payment lands at the provider (platform:stripe_clearing) and is owed to
// someone, so it is credited to platform:escrow. At once a two-phase *hold* earmarks it: debit
// escrow, credit the seller's available balance (net) and platform fees (commission). While the
// hold is pending the seller sees the net as "pending"; releasing the escrow posts the hold.
// Refunds void the hold, pay the buyer from escrow and, for a partial refund, place a new hold
// for what remains. Dispute splits post the hold partially and refund the rest.
import { assert, assertNonNegativeSafeInteger } from '../../invariants/assert.js';
import type { CurrencyCode } from '../../money/currency.js';
import { allocate } from '../../money/allocate.js';
import { money } from '../../money/money.js';
import { buyerAccount, sellerAccount, type AccountCode } from '../accounts.js';
import type { PendingTransfer, PostedTransfer, Transfer, TransferCode } from '../types.js';
import { credit, debit, nonZero } from './postings.js';

/** How an order's gross splits between the seller and the platform. */
export interface OrderSplit {
  orderId: string;
  sellerId: string;
  currency: CurrencyCode;
  netMinor: number;
  feeMinor: number;
}

/** The hold currently earmarking an order's escrow; store it on the order to settle it later. */
export interface EscrowHold extends OrderSplit {
  holdId: string;
}

/** Card refunds go back through the provider; store credit stays on the platform as a liability. */
export type RefundDestination = { kind: 'card' } | { kind: 'store_credit'; buyerId: string };

export interface EscrowFlow {
  transfers: readonly Transfer[];
  /** The hold that now earmarks the order's escrow, or null once the escrow is settled. */
  hold: EscrowHold | null;
}

export interface PaymentCaptured {
  orderId: string;
  paymentId: string;
  sellerId: string;
  currency: CurrencyCode;
  grossMinor: number;
  feeMinor: number;
}

export function paymentCaptured(p: PaymentCaptured): EscrowFlow {
  assert(Number.isSafeInteger(p.grossMinor) && p.grossMinor > 0, 'grossMinor must be positive');
  assertNonNegativeSafeInteger(p.feeMinor, 'feeMinor');
  assert(p.feeMinor <= p.grossMinor, 'The fee cannot exceed the gross amount');
  const meta = { orderId: p.orderId };
  const capture: PostedTransfer = {
    kind: 'posted',
    id: `payment:${p.paymentId}:capture`,
    code: 'payment_captured',
    postings: [debit('platform:stripe_clearing', p.grossMinor, p.currency), credit('platform:escrow', p.grossMinor, p.currency)],
    meta,
  };
  const split: OrderSplit = { orderId: p.orderId, sellerId: p.sellerId, currency: p.currency, netMinor: p.grossMinor - p.feeMinor, feeMinor: p.feeMinor };
  const hold = holdFor(`order:${p.orderId}:hold`, split);
  return { transfers: [capture, hold.transfer], hold: hold.hold };
}

/** Delivery confirmed (or the auto-complete timer fired): the seller is paid, the fee is earned. */
export function releaseEscrow(hold: EscrowHold): EscrowFlow {
  return {
    transfers: [{ kind: 'post_pending', id: `${hold.holdId}:release`, code: 'escrow_release', pendingId: hold.holdId, meta: { orderId: hold.orderId } }],
    hold: null,
  };
}

/**
 * Refund before release, full or partial. The refund is taken from the seller's share and the fee
 * in proportion (largest remainder), so the platform returns its commission on what is refunded.
 */
export function refundFromEscrow(hold: EscrowHold, r: { refundId: string; refundMinor: number; to: RefundDestination }): EscrowFlow {
  return reverseFromEscrow(hold, { idPrefix: `refund:${r.refundId}`, code: 'refund', amountMinor: r.refundMinor, to: r.to });
}

/**
 * Dispute outcome: the buyer gets `buyerShareMinor` back, the seller the rest (the fee shrinks in
 * proportion). 0 resolves for the seller, the whole amount for the buyer.
 */
export function settleDispute(hold: EscrowHold, d: { resolutionId: string; buyerShareMinor: number; to: RefundDestination }): EscrowFlow {
  const heldMinor = hold.netMinor + hold.feeMinor;
  assert(Number.isSafeInteger(d.buyerShareMinor) && d.buyerShareMinor >= 0 && d.buyerShareMinor <= heldMinor, 'buyerShareMinor must be within the held amount');
  if (d.buyerShareMinor === 0) return releaseEscrow(hold);
  const idPrefix = `dispute:${d.resolutionId}`;
  if (d.buyerShareMinor === heldMinor) return reverseFromEscrow(hold, { idPrefix, code: 'dispute_settlement', amountMinor: heldMinor, to: d.to });
  const [sellerPart, feePart] = shares(hold, d.buyerShareMinor);
  const c = hold.currency;
  const meta = { orderId: hold.orderId };
  const partialPost: Transfer = {
    kind: 'post_pending',
    id: `${hold.holdId}:release`,
    code: 'dispute_settlement',
    pendingId: hold.holdId,
    postings: nonZero([
      debit('platform:escrow', heldMinor - d.buyerShareMinor, c),
      credit(sellerAccount(hold.sellerId, 'available'), hold.netMinor - sellerPart, c),
      credit('platform:fees', hold.feeMinor - feePart, c),
    ]),
    meta,
  };
  const refund = escrowRefund(`${idPrefix}:refund`, 'dispute_settlement', hold, d.buyerShareMinor, d.to);
  return { transfers: [partialPost, refund], hold: null };
}

/** Shared by refunds, full dispute refunds and chargebacks while the money is still held. */
export function reverseFromEscrow(
  hold: EscrowHold,
  r: { idPrefix: string; code: TransferCode; amountMinor: number; to: RefundDestination },
): EscrowFlow {
  const heldMinor = hold.netMinor + hold.feeMinor;
  assert(Number.isSafeInteger(r.amountMinor) && r.amountMinor > 0 && r.amountMinor <= heldMinor, 'The amount must be positive and within the held amount');
  const voidHold: Transfer = { kind: 'void_pending', id: `${hold.holdId}:void`, code: r.code, pendingId: hold.holdId, meta: { orderId: hold.orderId } };
  const refund = escrowRefund(r.idPrefix, r.code, hold, r.amountMinor, r.to);
  if (r.amountMinor === heldMinor) return { transfers: [voidHold, refund], hold: null };
  const [sellerPart, feePart] = shares(hold, r.amountMinor);
  const rest = holdFor(`${r.idPrefix}:hold`, { ...hold, netMinor: hold.netMinor - sellerPart, feeMinor: hold.feeMinor - feePart });
  return { transfers: [voidHold, refund, rest.transfer], hold: rest.hold };
}

/** Where refunded money goes: back to the provider for a card refund, or the buyer's store credit. */
export function refundAccount(to: RefundDestination): AccountCode {
  return to.kind === 'card' ? 'platform:stripe_clearing' : buyerAccount(to.buyerId, 'credit');
}

/** Splits an amount taken back between the seller's share and the fee, in proportion to them. */
export function shares(split: OrderSplit, amountMinor: number): [sellerPart: number, feePart: number] {
  const [sellerPart, feePart] = allocate(money(amountMinor, split.currency), [split.netMinor, split.feeMinor]);
  return [sellerPart?.amountMinor ?? 0, feePart?.amountMinor ?? 0];
}

function escrowRefund(id: string, code: TransferCode, hold: EscrowHold, amountMinor: number, to: RefundDestination): PostedTransfer {
  return {
    kind: 'posted',
    id,
    code,
    postings: [debit('platform:escrow', amountMinor, hold.currency), credit(refundAccount(to), amountMinor, hold.currency)],
    meta: { orderId: hold.orderId },
  };
}

function holdFor(holdId: string, split: OrderSplit): { transfer: PendingTransfer; hold: EscrowHold } {
  const c = split.currency;
  const transfer: PendingTransfer = {
    kind: 'pending',
    id: holdId,
    code: 'escrow_hold',
    postings: nonZero([
      debit('platform:escrow', split.netMinor + split.feeMinor, c),
      credit(sellerAccount(split.sellerId, 'available'), split.netMinor, c),
      credit('platform:fees', split.feeMinor, c),
    ]),
    meta: { orderId: split.orderId },
  };
  return { transfer, hold: { ...split, holdId } };
}
