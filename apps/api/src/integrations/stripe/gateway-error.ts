// The one error type the gateway throws, with a vendor-neutral code services can map to AppError.
export type GatewayErrorCode =
  | 'card_declined'
  | 'invalid_request'
  | 'not_found'
  | 'idempotency_conflict'
  | 'amount_exceeds_refundable'
  | 'already_refunded'
  | 'insufficient_balance'
  | 'invalid_state'
  | 'authentication'
  | 'invalid_signature'
  | 'provider_unavailable';

export class GatewayError extends Error {
  constructor(
    public readonly code: GatewayErrorCode,
    message: string,
    /** The provider's own code (e.g. Stripe's `amount_too_large`), for logs and support. */
    public readonly providerCode: string | null = null,
    /** True when retrying later may succeed (network, provider outage). */
    public readonly retryable = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GatewayError';
  }
}
