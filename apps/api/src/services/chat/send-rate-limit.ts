// Per-user limit on sending chat messages (default 20 per 10 s), through the shared Redis limiter
// (services/rate-limit) so it holds across API processes. Idempotent retries of an already-stored
// message never reach this.
import type { Redis } from 'ioredis';
import type { Config } from '../../env.js';
import { createRateLimiter } from '../rate-limit/redis-rate-limit.js';

export interface ChatSendLimit {
  hit(userId: string): Promise<void>;
}

export function createChatSendLimit(redis: Redis, config: Pick<Config, 'REDIS_PREFIX' | 'CHAT_SEND_LIMIT' | 'CHAT_SEND_WINDOW_SECONDS'>): ChatSendLimit {
  const limiter = createRateLimiter(redis, config.REDIS_PREFIX);
  const rule = { limit: config.CHAT_SEND_LIMIT, windowSeconds: config.CHAT_SEND_WINDOW_SECONDS };
  return {
    hit: (userId) =>
      limiter.consume(`chat-send:${userId}`, rule, (s) =>
        `You are sending messages too quickly (at most ${config.CHAT_SEND_LIMIT} in ${config.CHAT_SEND_WINDOW_SECONDS} seconds). Wait ${s} second${s === 1 ? '' : 's'} and try again.`,
      ),
  };
}
