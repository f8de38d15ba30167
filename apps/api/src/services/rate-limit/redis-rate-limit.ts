// The one fixed-window rate limiter, in Redis so a limit holds across API processes. Used for chat
// sends, failed sign-ins, auth mails and the per-procedure limit on every public mutation. A window
// starts at its first hit (EXPIRE NX) and is never pushed out by later hits.
import type { Redis } from 'ioredis';
import { AppError } from '../../errors/app-error.js';

export interface RateRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts one hit; throws TOO_MANY_REQUESTS (with retryAfterSeconds) once the window is spent. */
  consume(key: string, rule: RateRule, message?: (retryAfterSeconds: number) => string): Promise<void>;
  /** Counts one hit without refusing (e.g. a failed sign-in). */
  record(key: string, rule: RateRule): Promise<void>;
  /** Refuses when a counter is already at its limit, without counting. */
  assertUnder(keys: string[], rule: RateRule, message?: (retryAfterSeconds: number) => string): Promise<void>;
  clear(key: string): Promise<void>;
}

export const defaultTooManyMessage = (retryAfterSeconds: number) =>
  `Too many requests. Try again in ${describeWait(retryAfterSeconds)}.`;

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function tooMany(retryAfterSeconds: number, message = defaultTooManyMessage, details: Record<string, unknown> = {}) {
  return new AppError('TOO_MANY_REQUESTS', message(retryAfterSeconds), { ...details, retryAfterSeconds });
}

export function createRateLimiter(redis: Redis, prefix: string): RateLimiter {
  const full = (key: string) => `${prefix}:${key}`;
  const hit = async (key: string, rule: RateRule) => {
    const k = full(key);
    const results = await redis.multi().incr(k).expire(k, rule.windowSeconds, 'NX').pttl(k).exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    const ttlMs = Number(results?.[2]?.[1] ?? rule.windowSeconds * 1000);
    return { count, retryAfterSeconds: Math.max(1, Math.ceil((ttlMs > 0 ? ttlMs : rule.windowSeconds * 1000) / 1000)) };
  };
  return {
    async consume(key, rule, message) {
      const { count, retryAfterSeconds } = await hit(key, rule);
      if (count > rule.limit) throw tooMany(retryAfterSeconds, message, { limit: rule.limit, windowSeconds: rule.windowSeconds });
    },
    async record(key, rule) {
      await hit(key, rule);
    },
    async assertUnder(keys, rule, message) {
      if (keys.length === 0) return;
      const counts = await redis.mget(...keys.map(full));
      const blocked = keys.filter((_, i) => Number(counts[i] ?? 0) >= rule.limit);
      if (blocked.length === 0) return;
      const ttls = await Promise.all(blocked.map((k) => redis.ttl(full(k))));
      throw tooMany(Math.max(1, ...ttls), message);
    },
    async clear(key) {
      await redis.del(full(key));
    },
  };
}
