// Failed-login throttling in Redis, per account and per IP: after N failures inside the window the
// next attempt is refused until the window expires, without even checking the password.
import type { Redis } from 'ioredis';
import { AppError } from '../../errors/app-error.js';

export interface LoginRateLimitOptions {
  prefix: string;
  maxFailures: number;
  windowSeconds: number;
}

export function createLoginRateLimit(redis: Redis, options: LoginRateLimitOptions) {
  const accountKey = (email: string) => `${options.prefix}:login-fail:acct:${email}`;
  const keys = (email: string, ip: string) => [accountKey(email), `${options.prefix}:login-fail:ip:${ip}`];

  return {
    async assertAllowed(email: string, ip: string): Promise<void> {
      const ks = keys(email, ip);
      const counts = await redis.mget(...ks);
      const blocked = ks.filter((_, i) => Number(counts[i] ?? 0) >= options.maxFailures);
      if (blocked.length === 0) return;
      const ttls = await Promise.all(blocked.map((k) => redis.ttl(k)));
      const retryAfterSeconds = Math.max(1, ...ttls);
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        { retryAfterSeconds },
      );
    },

    async recordFailure(email: string, ip: string): Promise<void> {
      const multi = redis.multi();
      for (const k of keys(email, ip)) {
        multi.incr(k);
        // NX: the window starts at the first failure and is not pushed out by later ones.
        multi.expire(k, options.windowSeconds, 'NX');
      }
      await multi.exec();
    },

    async reset(email: string): Promise<void> {
      await redis.del(accountKey(email));
    },
  };
}

export type LoginRateLimit = ReturnType<typeof createLoginRateLimit>;
