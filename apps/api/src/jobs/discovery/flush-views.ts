// Every 10 s: buffered listing views (Redis) into PostgreSQL. The job opens its own short-lived
// Redis connection: job handlers get no Redis client, and a flush every 10 s makes that cheap.
import { Redis } from 'ioredis';
import { flushViews } from '../../services/discovery/flush-views.js';
import { defineJob } from '../job-definition.js';

export const flushViewsJob = defineJob('discovery.flushViews', {
  async handle(ctx) {
    const redis = new Redis(ctx.config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: true });
    redis.on('error', () => {}); // surfaced by the failing command
    try {
      await redis.connect();
      const result = await flushViews(ctx.db.orm.em.fork(), redis, ctx.config.REDIS_PREFIX, ctx.now());
      if (result.views) ctx.log.debug(result, 'listing views flushed');
    } finally {
      redis.disconnect();
    }
  },
});
