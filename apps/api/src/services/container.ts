// Builds the long-lived collaborators once per process; request code receives them via context.
import type { Redis } from 'ioredis';
import type { Database } from '@marketdesk/db';
import type { Config } from '../env.js';
import { createAuthService } from './auth/auth-service.js';
import { createLoginRateLimit } from './auth/login-rate-limit.js';
import { createSessionService } from './auth/session-service.js';
import { noLiveGateway, type LiveGateway } from './live-gateway.js';
import { StripeGateway, stripeGatewayConfigFrom } from '../integrations/stripe/index.js';
import type { PaymentGateway } from '../integrations/stripe/payment-gateway.js';
import { enrichmentFromConfig } from './enrichment/enrichment-service.js';
import { createGrantCache } from './rbac/grant-cache.js';

export function createServices(deps: { config: Config; db: Database; redis: Redis }) {
  const { config } = deps;
  let live: LiveGateway = noLiveGateway;
  // Roles are data: every validated actor carries the current grant table (cached, shared version).
  const rbac = createGrantCache({ db: deps.db, redis: deps.redis, prefix: config.REDIS_PREFIX });
  const sessions = createSessionService(config, () => rbac.table());
  const rateLimit = createLoginRateLimit(deps.redis, {
    prefix: config.REDIS_PREFIX,
    maxFailures: config.LOGIN_MAX_FAILURES,
    windowSeconds: config.LOGIN_WINDOW_MINUTES * 60,
  });
  const stripe = stripeGatewayConfigFrom(config);
  const gateway: PaymentGateway | null = stripe ? new StripeGateway(stripe) : null;
  return {
    config,
    /** Null when payments are not configured (checkout then refuses with UNAVAILABLE). */
    gateway,
    db: deps.db,
    redis: deps.redis,
    sessions,
    rbac,
    /** Catalog look-ups (Discogs); `enabled` is false without DISCOGS_TOKEN. One per process: it holds the rate limit. */
    enrichment: enrichmentFromConfig(config),
    auth: createAuthService({ sessions, rateLimit, live: () => live }),
    setLiveGateway(gateway: LiveGateway) {
      live = gateway;
    },
  };
}

export type AppServices = ReturnType<typeof createServices>;
