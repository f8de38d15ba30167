// Stripe integration: the vendor-neutral PaymentGateway port and its Stripe adapter. The adapter
// (stripe-gateway.ts, with the `stripe` SDK) loads only when payments are configured.
import { stripeGatewayConfigFrom, type StripeEnv } from './config.js';
import type { PaymentGateway } from './payment-gateway.js';

export * from './payment-gateway.js';
export { GatewayError, type GatewayErrorCode } from './gateway-error.js';
export { stripeConfigSchema, stripeGatewayConfigFrom, sdkHostOptions, type StripeEnv, type StripeGatewayConfig } from './config.js';

/** The Stripe adapter when payments are configured, else null (and the SDK is never loaded). */
export async function paymentGatewayFrom(env: StripeEnv): Promise<PaymentGateway | null> {
  const config = stripeGatewayConfigFrom(env);
  if (!config) return null;
  const { StripeGateway } = await import('./stripe-gateway.js');
  return new StripeGateway(config);
}
