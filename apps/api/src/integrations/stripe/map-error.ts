// Stripe SDK errors → GatewayError. The one place that knows Stripe's error types and codes.
import Stripe from 'stripe';
import { GatewayError, type GatewayErrorCode } from './gateway-error.js';

const BY_CODE: Record<string, GatewayErrorCode> = {
  amount_too_large: 'amount_exceeds_refundable',
  charge_already_refunded: 'already_refunded',
  balance_insufficient: 'insufficient_balance',
  resource_missing: 'not_found',
  payment_intent_unexpected_state: 'invalid_state',
  charge_not_refundable: 'invalid_state',
};

export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  if (err instanceof Stripe.errors.StripeSignatureVerificationError) {
    return new GatewayError('invalid_signature', 'Webhook signature is not valid.', null, false, { cause: err });
  }
  if (err instanceof Stripe.errors.StripeError) {
    const providerCode = err.code ?? null;
    const say = (code: GatewayErrorCode, retryable = false) =>
      new GatewayError(code, err.message, providerCode, retryable, { cause: err });
    if (err instanceof Stripe.errors.StripeCardError) return say('card_declined');
    if (err instanceof Stripe.errors.StripeIdempotencyError) return say('idempotency_conflict');
    if (err instanceof Stripe.errors.StripeAuthenticationError) return say('authentication');
    if (err instanceof Stripe.errors.StripePermissionError) return say('authentication');
    if (
      err instanceof Stripe.errors.StripeConnectionError ||
      err instanceof Stripe.errors.StripeAPIError ||
      err instanceof Stripe.errors.StripeRateLimitError
    ) {
      return say('provider_unavailable', true);
    }
    const mapped = providerCode ? BY_CODE[providerCode] : undefined;
    return say(mapped ?? 'invalid_request');
  }
  return new GatewayError('provider_unavailable', (err as Error)?.message ?? String(err), null, true, { cause: err });
}
