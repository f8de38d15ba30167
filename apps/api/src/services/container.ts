// Builds the long-lived collaborators once per process; request code receives them via context.
import type { Redis } from 'ioredis';
import type { Database } from '@marketdesk/db';
import type { Config } from '../env.js';
import { createAuthService } from './auth/auth-service.js';
import { createLoginRateLimit } from './auth/login-rate-limit.js';
import { createSessionService } from './auth/session-service.js';
import { createAccountMailer } from './auth/account-mail.js';
import { createAccountSecurityService } from './auth/account-security-service.js';
import { createSecretBox } from './auth/secret-box.js';
import { createTwoFactorService } from './auth/two-factor-service.js';
import { createRateLimiter } from './rate-limit/redis-rate-limit.js';
import { createMailer } from '../integrations/mail/mailer.js';
import { noLiveGateway, type LiveGateway } from './live-gateway.js';
import type { PaymentGateway } from '../integrations/stripe/payment-gateway.js';
import { enrichmentFromConfig } from './enrichment/enrichment-service.js';
import { createGrantCache } from './rbac/grant-cache.js';

/** `gateway`: paymentGatewayFrom(config) — null when payments are not configured. */
export function createServices(deps: { config: Config; db: Database; redis: Redis; gateway: PaymentGateway | null }) {
  const { config } = deps;
  let live: LiveGateway = noLiveGateway;
  // Roles are data: every validated actor carries the current grant table (cached, shared version).
  const rbac = createGrantCache({ db: deps.db, redis: deps.redis, prefix: config.REDIS_PREFIX });
  const sessions = createSessionService(config, () => rbac.table());
  const rateLimit = createLoginRateLimit(deps.redis, {
    prefix: config.REDIS_PREFIX,
    maxFailures: config.LOGIN_MAX_FAILURES,
    maxFailuresPerIp: config.RATE_LIMIT_LOGIN_FAILURES_PER_IP,
    windowSeconds: config.LOGIN_WINDOW_MINUTES * 60,
  });
  // Account security (issue 8): one Redis limiter, mails sent from this process, TOTP keys sealed.
  const limiter = createRateLimiter(deps.redis, config.REDIS_PREFIX);
  const accountMail = createAccountMailer({
    db: deps.db,
    mailer: createMailer({ smtpUrl: config.SMTP_URL, mailDir: config.MAIL_DIR, from: config.MAIL_FROM }),
    log: () => null,
  });
  const accountSecurity = createAccountSecurityService({ config, mail: accountMail, limiter, loginRateLimit: rateLimit, live: () => live });
  const twoFactor = createTwoFactorService({ config, redis: deps.redis, box: createSecretBox(config), limiter, mail: accountMail });
  return {
    config,
    /** Null when payments are not configured (checkout then refuses with UNAVAILABLE). */
    gateway: deps.gateway,
    db: deps.db,
    redis: deps.redis,
    sessions,
    rbac,
    /** Catalog look-ups (Discogs); `enabled` is false without DISCOGS_TOKEN. One per process: it holds the rate limit. */
    enrichment: enrichmentFromConfig(config),
    limiter,
    accountMail,
    accountSecurity,
    twoFactor,
    auth: createAuthService({ sessions, rateLimit, live: () => live, accountSecurity, twoFactor, mail: accountMail }),
    /** The live channel (role edits disconnect the affected sockets so every room is re-checked). */
    liveGateway: (): LiveGateway => live,
    setLiveGateway(gateway: LiveGateway) {
      live = gateway;
    },
  };
}

export type AppServices = ReturnType<typeof createServices>;
