// Failed-sign-in throttling, per account and per IP. Every attempt is counted atomically *before*
// the secret is checked (so a burst of concurrent guesses is cut at the limit instead of all being
// checked), and a successful one gives its unit back: the counters hold failures only. After N
// failures inside the window the next attempt is refused until the window expires. The per-IP
// budget is much larger than the per-account one: many people sign in from behind one address (an
// office, a shop's NAT), and their successful sign-ins never use it up.
import type { Redis } from 'ioredis';
import { createRateLimiter, describeWait } from '../rate-limit/redis-rate-limit.js';

export interface LoginRateLimitOptions {
  prefix: string;
  maxFailures: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
}

/** One counted attempt: say how it went once the secret was checked. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

export function createLoginRateLimit(redis: Redis, options: LoginRateLimitOptions) {
  const limiter = createRateLimiter(redis, options.prefix);
  const accountKey = (email: string) => `login-fail:acct:${email.toLowerCase()}`;
  const ipKey = (ip: string) => `login-fail:ip:${ip}`;
  const message = (s: number) => `Too many failed sign-in attempts. Try again in ${describeWait(Math.max(60, s))}.`;

  return {
    /** Counts the attempt (refusing with TOO_MANY_REQUESTS when either budget is spent). */
    async attempt(email: string, ip: string): Promise<LoginAttempt> {
      await limiter.acquire(
        [
          { key: accountKey(email), rule: { limit: options.maxFailures, windowSeconds: options.windowSeconds } },
          { key: ipKey(ip), rule: { limit: options.maxFailuresPerIp, windowSeconds: options.windowSeconds } },
        ],
        message,
      );
      return {
        // Gives back only this attempt's units: a right password with a second factor still to come
        // must not wipe the wrong codes counted against the account (a full sign-in resets it).
        async succeeded() {
          await Promise.all([limiter.release(accountKey(email)), limiter.release(ipKey(ip))]);
        },
        async failed() {},
      };
    },
    reset: (email: string) => limiter.clear(accountKey(email)),
  };
}

export type LoginRateLimit = ReturnType<typeof createLoginRateLimit>;
