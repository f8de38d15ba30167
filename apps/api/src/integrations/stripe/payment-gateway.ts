// The payment provider port: what services need from a card processor with Connect-style payouts,
// in our own vocabulary (minor units, our ids, our statuses). Services depend on this interface only;
// StripeGateway is the one adapter. Every money-moving call takes an idempotency key so a retried
// job or request never charges, refunds or pays out twice.

export type PaymentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  /** The buyer must complete an extra step (3-D Secure) in the browser. */
  | 'requires_action'
  | 'requires_capture'
  | 'processing'
  | 'succeeded'
  | 'canceled';

export interface CreatePaymentInput {
  /** Our checkout/order id; stored in the provider's metadata so webhooks can be matched back. */
  orderId: string;
  amountMinor: number;
  /** ISO 4217, any case. */
  currency: string;
  idempotencyKey: string;
  metadata?: Record<string, string>;
}

export interface PaymentResult {
  providerPaymentId: string;
  /** Handed to the browser to confirm the payment there (Payment Element or the test-card form). */
  clientSecret: string;
  status: PaymentStatus;
  amountMinor: number;
  currency: string;
}

/** Test cards of the local/test provider: `visa` succeeds, the others decline. */
export type TestCard = 'visa' | 'declined' | 'insufficient_funds' | 'expired';

export interface ConfirmTestPaymentInput {
  providerPaymentId: string;
  card: TestCard;
  idempotencyKey?: string;
}

/** A decline is an outcome, not an exception: the buyer may retry with another card. */
export type ConfirmResult =
  | { outcome: 'succeeded'; status: PaymentStatus; providerChargeId: string | null }
  | { outcome: 'requires_capture'; status: PaymentStatus; providerChargeId: string | null }
  | { outcome: 'declined'; status: PaymentStatus; declineCode: string; message: string };

export interface RefundInput {
  providerPaymentId: string;
  /** Omit for a full refund of what is left. */
  amountMinor?: number;
  idempotencyKey: string;
  reason?: 'duplicate' | 'fraudulent' | 'requested_by_customer';
}

export interface RefundResult {
  providerRefundId: string;
  amountMinor: number;
  currency: string;
  /** A status the provider reports that we do not know reads as `pending` (not final). */
  status: 'pending' | 'succeeded' | 'failed' | 'canceled' | 'requires_action';
}

export interface CreateSellerAccountInput {
  email: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  sellerId: string;
  idempotencyKey: string;
}

export interface TransferToSellerInput {
  sellerAccountId: string;
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
  /** Ties the transfer to the payment it is funded by (order/checkout id). */
  transferGroup?: string;
  metadata?: Record<string, string>;
}

export interface TransferResult {
  providerTransferId: string;
  amountMinor: number;
  currency: string;
}

export interface CreatePayoutInput {
  /** Connected account to pay out from; omit for the platform's own balance. */
  sellerAccountId?: string;
  amountMinor: number;
  currency: string;
  /** Our payout id, which is also the natural idempotency key. */
  payoutId: string;
  idempotencyKey: string;
}

export interface PayoutResult {
  providerPayoutId: string;
  /** A status the provider reports that we do not know reads as `pending`; webhooks settle payouts. */
  status: 'pending' | 'in_transit' | 'paid' | 'failed' | 'canceled';
  amountMinor: number;
  currency: string;
}

interface EventBase {
  /** Provider event id: the dedupe key for webhook processing. */
  eventId: string;
  occurredAt: Date;
  /** Connected account the event happened on, when not the platform. */
  accountId: string | null;
}

export type GatewayEvent =
  | (EventBase & { type: 'payment.succeeded'; providerPaymentId: string; orderId: string | null; amountMinor: number; currency: string })
  | (EventBase & {
      type: 'payment.failed';
      providerPaymentId: string;
      orderId: string | null;
      failureCode: string | null;
      failureMessage: string | null;
    })
  | (EventBase & {
      type: 'payment.refunded';
      providerPaymentId: string | null;
      providerChargeId: string;
      /** Cumulative amount refunded on the charge so far. */
      amountRefundedMinor: number;
      amountMinor: number;
      currency: string;
      fullyRefunded: boolean;
    })
  | (EventBase & { type: 'payout.paid'; providerPayoutId: string; amountMinor: number; currency: string })
  | (EventBase & {
      type: 'payout.failed';
      providerPayoutId: string;
      amountMinor: number;
      currency: string;
      failureCode: string | null;
      failureMessage: string | null;
    })
  | (EventBase & {
      type: 'dispute.created';
      providerDisputeId: string;
      providerPaymentId: string | null;
      providerChargeId: string;
      amountMinor: number;
      currency: string;
      reason: string;
    })
  /** Verified, but of a kind we do not act on; callers store and ignore it. */
  | (EventBase & { type: 'unhandled'; providerType: string });

/**
 * The provider's own record of money it moved, for reconciliation against the ledger. `status` is the
 * provider's word, as reported (Stripe's statuses are open: new ones appear); reconciliation counts
 * only an exact `succeeded` as money moved, so a status nobody here knows never does.
 */
export type ProviderRecord =
  | { kind: 'payment'; id: string; amountMinor: number; currency: string; status: string; createdAt: Date }
  | { kind: 'refund'; id: string; paymentId: string | null; amountMinor: number; currency: string; status: string; createdAt: Date }
  | { kind: 'payout'; id: string; accountId: string | null; amountMinor: number; currency: string; status: string; createdAt: Date };

export interface PaymentCard {
  fingerprint: string;
  country: string | null;
  /** Test-mode card numbers are shared by everyone: their fingerprints identify nobody. */
  livemode: boolean;
}

export interface PaymentGateway {
  /** Every payment, refund or payout (of a connected account when given) created since `since`. */
  listRecords(kind: ProviderRecord['kind'], options: { since: Date; accountId?: string }): AsyncIterable<ProviderRecord>;
  createPayment(input: CreatePaymentInput): Promise<PaymentResult>;
  /**
   * Test/offline only: confirm server-side with a test card (real buyers confirm in the browser).
   * Only a succeeded (or capturable) intent is a payment; any other status after confirming —
   * processing, an extra step, or one we do not know — throws GatewayError('invalid_state').
   */
  confirmTestPayment(input: ConfirmTestPaymentInput): Promise<ConfirmResult>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** The card that paid (the fingerprint names the card number across payments), or null when not a card. */
  paymentCard(providerPaymentId: string): Promise<PaymentCard | null>;
  createSellerAccount(input: CreateSellerAccountInput): Promise<{ accountId: string }>;
  transferToSeller(input: TransferToSellerInput): Promise<TransferResult>;
  createPayout(input: CreatePayoutInput): Promise<PayoutResult>;
  /** Verify the signature over the raw body and map the event; throws GatewayError('invalid_signature'). */
  parseWebhook(rawBody: string | Buffer, signatureHeader: string | undefined): GatewayEvent;
}
