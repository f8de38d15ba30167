// Stripe configuration. `stripeConfigSchema` is merged into apps/api/src/env.ts; this folder never
// reads process.env. STRIPE_API_BASE points the real SDK at another host, e.g. the local test server
// (packages/stripe-local) at http://127.0.0.1:12111; unset means api.stripe.com.
import { z } from 'zod';

export const stripeConfigSchema = z.object({
  /** sk_test_… / sk_live_… (or a restricted rk_ key). Unset: payments are not configured. */
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, 'expected a Stripe secret key (sk_test_… or sk_live_…)')
    .optional(),
  STRIPE_API_BASE: z
    .string()
    .regex(/^https?:\/\/[^/\s]+\/?$/, 'expected a base URL such as http://127.0.0.1:12111')
    .optional(),
  /** pk_test_… / pk_live_…: handed to the storefront for Stripe's Payment Element. */
  STRIPE_PUBLISHABLE_KEY: z.string().regex(/^pk_(test|live)_\w+$/, 'expected a Stripe publishable key (pk_test_…)').optional(),
  /** whsec_… of the webhook endpoint, used to verify Stripe-Signature. */
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'expected a webhook signing secret (whsec_…)').optional(),
});

export type StripeEnv = z.infer<typeof stripeConfigSchema>;

export interface StripeGatewayConfig {
  secretKey: string;
  webhookSecret: string;
  /** e.g. http://127.0.0.1:12111; omitted → Stripe's API. */
  apiBase?: string;
  /** Accepted age of a webhook signature (Stripe's default is 300 s). */
  webhookToleranceSec?: number;
  timeoutMs?: number;
}

/** Gateway config from validated env, or null when Stripe is not configured. */
export function stripeGatewayConfigFrom(env: StripeEnv): StripeGatewayConfig | null {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return null;
  return { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, apiBase: env.STRIPE_API_BASE };
}

/** SDK connection options for a base URL: `{ host, port, protocol }`. */
export function sdkHostOptions(apiBase: string): { host: string; port: number; protocol: 'http' | 'https' } {
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443, protocol };
}
