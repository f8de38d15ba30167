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
  /**
   * Takes one unit from every counter at once, atomically, or none: when any counter would pass its
   * limit, nothing is counted and TOO_MANY_REQUESTS is thrown. Count first, check the secret after:
   * concurrent attempts cannot all pass a check made before any of them was counted.
   */
  acquire(counters: { key: string; rule: RateRule }[], message?: (retryAfterSeconds: number) => string): Promise<void>;
  /** Gives back one unit taken by `acquire` (never below zero, never reviving an expired window). */
  release(key: string): Promise<void>;
}

// KEYS: the counters; ARGV: limit and window (seconds) per key. Returns 0, or the longest wait (ms)
// of the counters that were full.
const acquireScript = `
local blocked = 0
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('EXPIRE', key, tonumber(ARGV[i * 2])) end
  if count > tonumber(ARGV[i * 2 - 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl > blocked then blocked = ttl end
  end
end
if blocked > 0 then
  for _, key in ipairs(KEYS) do
    if redis.call('DECR', key) <= 0 then redis.call('DEL', key) end
  end
end
return blocked`;

const releaseScript = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count <= 1 then redis.call('DEL', KEYS[1]) else redis.call('DECR', KEYS[1]) end
return 0`;

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
    async acquire(counters, message) {
      if (counters.length === 0) return;
      const args = counters.flatMap((c) => [String(c.rule.limit), String(c.rule.windowSeconds)]);
      const blockedMs = Number(await redis.eval(acquireScript, counters.length, ...counters.map((c) => full(c.key)), ...args));
      if (blockedMs > 0) throw tooMany(Math.max(1, Math.ceil(blockedMs / 1000)), message);
    },
    async release(key) {
      await redis.eval(releaseScript, 1, full(key));
    },
  };
}
