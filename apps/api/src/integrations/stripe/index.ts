// Stripe integration: the vendor-neutral PaymentGateway port and its Stripe adapter.
export * from './payment-gateway.js';
export { GatewayError, type GatewayErrorCode } from './gateway-error.js';
export { StripeGateway } from './stripe-gateway.js';
export { stripeConfigSchema, stripeGatewayConfigFrom, sdkHostOptions, type StripeEnv, type StripeGatewayConfig } from './config.js';
