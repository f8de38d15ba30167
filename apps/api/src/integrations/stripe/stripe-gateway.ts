// PaymentGateway over the real `stripe` SDK. With `apiBase` set, the SDK talks to that host instead
// of api.stripe.com (the local test server in tests and offline dev); the code path is otherwise the
// same. maxNetworkRetries makes the SDK retry transient failures with the same idempotency key.
import Stripe from 'stripe';
import { sdkHostOptions, type StripeGatewayConfig } from './config.js';
import { GatewayError } from './gateway-error.js';
import { toGatewayError } from './map-error.js';
import { toGatewayEvent } from './map-event.js';
import { paymentStatusOf, payoutStatusOf, refundStatusOf } from './map-status.js';
import type {
  ConfirmResult,
  ConfirmTestPaymentInput,
  CreatePaymentInput,
  CreatePayoutInput,
  CreateSellerAccountInput,
  GatewayEvent,
  PaymentGateway,
  PaymentResult,
  PayoutResult,
  ProviderRecord,
  RefundInput,
  PaymentCard,
  RefundResult,
  TestCard,
  TransferResult,
  TransferToSellerInput,
} from './payment-gateway.js';

const TEST_PAYMENT_METHODS: Record<TestCard, string> = {
  visa: 'pm_card_visa',
  declined: 'pm_card_chargeDeclined',
  insufficient_funds: 'pm_card_chargeDeclinedInsufficientFunds',
  expired: 'pm_card_chargeDeclinedExpiredCard',
};
const DEFAULT_WEBHOOK_TOLERANCE_SEC = 300;

/**
 * The Stripe API version of every request: the one stripe@23.1.0 is generated for (its
 * `Stripe.API_VERSION`). Pinned here, in the one place the client is made, so the objects this code
 * reads keep the shape its types describe whatever the account's default version is; the webhook
 * endpoint must be created with the same version. `satisfies` fails the build when an SDK upgrade
 * describes another version, so moving the pin is always a deliberate change.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion;

function assertAmount(amountMinor: number, field = 'amountMinor'): void {
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    throw new GatewayError('invalid_request', `${field} must be a positive integer of minor units (got ${amountMinor}).`);
  }
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toGatewayError(err);
  }
}

export class StripeGateway implements PaymentGateway {
  readonly stripe: Stripe;

  constructor(private readonly config: StripeGatewayConfig) {
    this.stripe = new Stripe(config.secretKey, {
      apiVersion: STRIPE_API_VERSION,
      maxNetworkRetries: 2,
      timeout: config.timeoutMs ?? 20_000,
      ...(config.apiBase ? sdkHostOptions(config.apiBase) : {}),
    });
  }

  async createPayment(input: CreatePaymentInput): Promise<PaymentResult> {
    assertAmount(input.amountMinor);
    const pi = await call(() =>
      this.stripe.paymentIntents.create(
        {
          amount: input.amountMinor,
          currency: input.currency.toLowerCase(),
          capture_method: 'automatic',
          metadata: { ...input.metadata, order_id: input.orderId },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    if (!pi.client_secret) throw new GatewayError('invalid_state', `PaymentIntent ${pi.id} came back without a client secret.`);
    // Nothing is charged yet, so refusing an intent in a status we cannot read costs the buyer nothing.
    const status = paymentStatusOf(pi.status);
    if (!status) throw new GatewayError('invalid_state', `PaymentIntent ${pi.id} came back in a status this integration does not know ("${pi.status}").`, pi.status);
    return { providerPaymentId: pi.id, clientSecret: pi.client_secret, status, amountMinor: pi.amount, currency: pi.currency };
  }

  async confirmTestPayment(input: ConfirmTestPaymentInput): Promise<ConfirmResult> {
    try {
      const pi = await this.stripe.paymentIntents.confirm(
        input.providerPaymentId,
        { payment_method: TEST_PAYMENT_METHODS[input.card] },
        input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : undefined,
      );
      const providerChargeId = typeof pi.latest_charge === 'string' ? pi.latest_charge : (pi.latest_charge?.id ?? null);
      const status = paymentStatusOf(pi.status);
      if (status === 'succeeded' || status === 'requires_capture') return { outcome: status, status, providerChargeId };
      // Anything else — processing, an extra step, canceled, or a status we do not know — is not a
      // payment: the checkout stays unpaid and the provider's webhook decides what it became.
      throw new GatewayError('invalid_state', `PaymentIntent ${pi.id} is "${pi.status}" after confirmation, not paid.`, pi.status);
    } catch (err) {
      if (err instanceof Stripe.errors.StripeCardError) {
        // A card error is a decline whatever the intent says; after one Stripe puts the intent back in
        // requires_payment_method, which is what we report when its status is missing or unknown.
        const status = paymentStatusOf(err.payment_intent?.status) ?? 'requires_payment_method';
        return { outcome: 'declined', status, declineCode: err.decline_code ?? err.code ?? 'card_declined', message: err.message };
      }
      throw toGatewayError(err);
    }
  }

  async paymentCard(providerPaymentId: string): Promise<PaymentCard | null> {
    const pi = await call(() => this.stripe.paymentIntents.retrieve(providerPaymentId, { expand: ['latest_charge'] }));
    const charge = typeof pi.latest_charge === 'object' ? pi.latest_charge : null;
    const card = charge?.payment_method_details?.card;
    if (!charge || !card?.fingerprint) return null;
    return { fingerprint: card.fingerprint, country: card.country ?? null, livemode: charge.livemode };
  }

  async refund(input: RefundInput): Promise<RefundResult> {
    if (input.amountMinor !== undefined) assertAmount(input.amountMinor);
    const refund = await call(() =>
      this.stripe.refunds.create(
        { payment_intent: input.providerPaymentId, amount: input.amountMinor, reason: input.reason },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { providerRefundId: refund.id, amountMinor: refund.amount, currency: refund.currency, status: refundStatusOf(refund.status) };
  }

  async createSellerAccount(input: CreateSellerAccountInput): Promise<{ accountId: string }> {
    const account = await call(() =>
      this.stripe.accounts.create(
        {
          type: 'express',
          country: input.country.toUpperCase(),
          email: input.email,
          capabilities: { transfers: { requested: true } },
          metadata: { seller_id: input.sellerId },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { accountId: account.id };
  }

  async transferToSeller(input: TransferToSellerInput): Promise<TransferResult> {
    assertAmount(input.amountMinor);
    const transfer = await call(() =>
      this.stripe.transfers.create(
        {
          amount: input.amountMinor,
          currency: input.currency.toLowerCase(),
          destination: input.sellerAccountId,
          transfer_group: input.transferGroup,
          metadata: input.metadata,
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { providerTransferId: transfer.id, amountMinor: transfer.amount, currency: transfer.currency };
  }

  async createPayout(input: CreatePayoutInput): Promise<PayoutResult> {
    assertAmount(input.amountMinor);
    const payout = await call(() =>
      this.stripe.payouts.create(
        { amount: input.amountMinor, currency: input.currency.toLowerCase(), metadata: { payout_id: input.payoutId } },
        { idempotencyKey: input.idempotencyKey, ...(input.sellerAccountId ? { stripeAccount: input.sellerAccountId } : {}) },
      ),
    );
    return { providerPayoutId: payout.id, status: payoutStatusOf(payout.status), amountMinor: payout.amount, currency: payout.currency };
  }

  async *listRecords(kind: ProviderRecord['kind'], options: { since: Date; accountId?: string }): AsyncIterable<ProviderRecord> {
    const params = { limit: 100, created: { gte: Math.floor(options.since.getTime() / 1000) } };
    const on = options.accountId ? { stripeAccount: options.accountId } : undefined;
    try {
      if (kind === 'payment') {
        for await (const pi of this.stripe.paymentIntents.list(params, on)) {
          yield { kind, id: pi.id, amountMinor: pi.amount_received ?? 0, currency: pi.currency.toUpperCase(), status: pi.status, createdAt: new Date(pi.created * 1000) };
        }
      } else if (kind === 'refund') {
        for await (const r of this.stripe.refunds.list(params, on)) {
          const paymentId = typeof r.payment_intent === 'string' ? r.payment_intent : (r.payment_intent?.id ?? null);
          yield { kind, id: r.id, paymentId, amountMinor: r.amount, currency: r.currency.toUpperCase(), status: r.status ?? 'pending', createdAt: new Date(r.created * 1000) };
        }
      } else {
        for await (const p of this.stripe.payouts.list(params, on)) {
          yield { kind, id: p.id, accountId: options.accountId ?? null, amountMinor: p.amount, currency: p.currency.toUpperCase(), status: p.status, createdAt: new Date(p.created * 1000) };
        }
      }
    } catch (err) {
      throw toGatewayError(err);
    }
  }

  parseWebhook(rawBody: string | Buffer, signatureHeader: string | undefined): GatewayEvent {
    if (!signatureHeader) throw new GatewayError('invalid_signature', 'Webhook has no Stripe-Signature header.');
    try {
      const event = this.stripe.webhooks.constructEvent(
        rawBody,
        signatureHeader,
        this.config.webhookSecret,
        this.config.webhookToleranceSec ?? DEFAULT_WEBHOOK_TOLERANCE_SEC,
      );
      return toGatewayEvent(event);
    } catch (err) {
      throw toGatewayError(err);
    }
  }
}
