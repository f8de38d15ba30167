// Failed-login throttling, per account and per IP: after N failures inside the window the next
// attempt is refused until the window expires, without even checking the password. Built on the
// shared Redis limiter (services/rate-limit).
import type { Redis } from 'ioredis';
import { createRateLimiter, describeWait } from '../rate-limit/redis-rate-limit.js';

export interface LoginRateLimitOptions {
  prefix: string;
  maxFailures: number;
  windowSeconds: number;
}

export function createLoginRateLimit(redis: Redis, options: LoginRateLimitOptions) {
  const limiter = createRateLimiter(redis, options.prefix);
  const rule = { limit: options.maxFailures, windowSeconds: options.windowSeconds };
  const accountKey = (email: string) => `login-fail:acct:${email.toLowerCase()}`;
  const keys = (email: string, ip: string) => [accountKey(email), `login-fail:ip:${ip}`];
  const message = (s: number) => `Too many failed sign-in attempts. Try again in ${describeWait(Math.max(60, s))}.`;

  return {
    assertAllowed: (email: string, ip: string) => limiter.assertUnder(keys(email, ip), rule, message),
    async recordFailure(email: string, ip: string): Promise<void> {
      await Promise.all(keys(email, ip).map((k) => limiter.record(k, rule)));
    },
    reset: (email: string) => limiter.clear(accountKey(email)),
  };
}

export type LoginRateLimit = ReturnType<typeof createLoginRateLimit>;
