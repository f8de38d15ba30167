// The ledger's data: plain, JSON-serialisable objects so the API can persist them in PostgreSQL
// (one row per account, one per transfer) and rebuild the state by replaying transfers in order.
import type { CurrencyCode } from '../money/currency.js';
import type { AccountCode, AccountType, BalanceRule, Side } from './accounts.js';

export interface Posting {
  account: AccountCode;
  side: Side;
  /** Always positive; the side says which way the money moves. */
  amountMinor: number;
  currency: CurrencyCode;
}

/** Why money moved. Corrections are new transfers with their own code, never edits. */
export type TransferCode =
  | 'payment_captured'
  | 'escrow_hold'
  | 'escrow_release'
  | 'refund'
  | 'clawback'
  | 'dispute_settlement'
  | 'chargeback'
  | 'chargeback_fee'
  | 'payout_requested'
  | 'payout_approved'
  | 'payout_rejected'
  | 'payout_paid'
  | 'payout_failed'
  | 'provider_settlement'
  | 'hold_expired'
  | 'inventory_purchased'
  | 'adjustment';

/** Context carried for reports and reconciliation (e.g. `orderId` nets escrow per order). */
export type TransferMeta = Readonly<Record<string, string>>;

interface TransferBase {
  /** Globally unique; doubles as the idempotency key (a retried job sends the same id). */
  id: string;
  code: TransferCode;
  meta?: TransferMeta;
}

/** Moves money now. */
export interface PostedTransfer extends TransferBase {
  kind: 'posted';
  postings: readonly Posting[];
}

/** Reserves money (a hold) to be posted or voided later; may expire. */
export interface PendingTransfer extends TransferBase {
  kind: 'pending';
  postings: readonly Posting[];
  /** After this instant the hold can no longer be posted; `expirePending` voids it. */
  expiresAtMs?: number;
}

/**
 * Settles a hold. Without postings it posts the hold in full. With postings it posts part of it:
 * each posting names an account and side of the hold with an amount no larger than held; whatever
 * is not posted is released (as in TigerBeetle's partial post).
 */
export interface PostPendingTransfer extends TransferBase {
  kind: 'post_pending';
  pendingId: string;
  postings?: readonly Posting[];
}

/** Releases a hold entirely. */
export interface VoidPendingTransfer extends TransferBase {
  kind: 'void_pending';
  pendingId: string;
}

export type Transfer = PostedTransfer | PendingTransfer | PostPendingTransfer | VoidPendingTransfer;

export interface Account {
  code: AccountCode;
  type: AccountType;
  normalSide: Side;
  rule: BalanceRule;
  /** An account holds one currency; a posting in another is refused with CURRENCY_MISMATCH. */
  currency: CurrencyCode;
  debitsPostedMinor: number;
  creditsPostedMinor: number;
  debitsPendingMinor: number;
  creditsPendingMinor: number;
}

/** `applied` for posted/post/void transfers; a hold moves pending → posted | voided | expired. */
export type TransferStatus = 'applied' | 'pending' | 'posted' | 'voided' | 'expired';

export interface TransferRecord {
  transfer: Transfer;
  status: TransferStatus;
  appliedAtMs: number;
  /** For a settled hold: the id of the transfer that posted, voided or expired it. */
  resolvedBy?: string;
}

export interface LedgerState {
  accounts: Readonly<Record<string, Account>>;
  transfers: Readonly<Record<string, TransferRecord>>;
}

export type LedgerRefusalCode =
  | 'UNBALANCED'
  | 'INSUFFICIENT_FUNDS'
  | 'CURRENCY_MISMATCH'
  | 'DUPLICATE'
  | 'ALREADY_POSTED'
  | 'ALREADY_VOIDED'
  | 'NOT_PENDING'
  | 'EXPIRED'
  | 'UNKNOWN_ACCOUNT'
  | 'EXCEEDS_PENDING'
  | 'INVALID_AMOUNT'
  | 'NO_POSTINGS'
  | 'OVERFLOW';

export interface LedgerRefusal {
  ok: false;
  refusal: LedgerRefusalCode;
  message: string;
  /** The transfer that was refused (useful when a batch fails). */
  transferId: string;
  account?: AccountCode;
}

export interface LedgerSuccess {
  ok: true;
  state: LedgerState;
  /** True when the transfer had already been applied with identical content: nothing changed. */
  duplicate: boolean;
}

export type LedgerResult = LedgerSuccess | LedgerRefusal;
