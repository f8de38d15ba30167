// Per-user limit on sending chat messages (default 20 per 10 s), in Redis so it holds across API
// processes. A fixed window: the first message starts it; when it is spent the caller learns how
// long to wait. Idempotent retries of an already-stored message never reach this.
import type { Redis } from 'ioredis';
import type { Config } from '../../env.js';
import { AppError } from '../../errors/app-error.js';

export interface ChatSendLimit {
  hit(userId: string): Promise<void>;
}

export function createChatSendLimit(redis: Redis, config: Pick<Config, 'REDIS_PREFIX' | 'CHAT_SEND_LIMIT' | 'CHAT_SEND_WINDOW_SECONDS'>): ChatSendLimit {
  const windowMs = config.CHAT_SEND_WINDOW_SECONDS * 1000;
  return {
    async hit(userId) {
      const key = `${config.REDIS_PREFIX}:chat-send:${userId}`;
      const results = await redis.multi().incr(key).pexpire(key, windowMs, 'NX').pttl(key).exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      if (count <= config.CHAT_SEND_LIMIT) return;
      const ttlMs = Number(results?.[2]?.[1] ?? windowMs);
      const retryAfterSeconds = Math.max(1, Math.ceil((ttlMs > 0 ? ttlMs : windowMs) / 1000));
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `You are sending messages too quickly (at most ${config.CHAT_SEND_LIMIT} in ${config.CHAT_SEND_WINDOW_SECONDS} seconds). Wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} and try again.`,
        { retryAfterSeconds, limit: config.CHAT_SEND_LIMIT, windowSeconds: config.CHAT_SEND_WINDOW_SECONDS },
      );
    },
  };
}
