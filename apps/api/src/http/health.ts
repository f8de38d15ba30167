// /healthz: the process is up. /readyz: its dependencies answer and its start-up work is done (the
// demo's data, when asked for), so a load balancer — or the start script — may send traffic.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type { Database } from '@marketdesk/db';
import { healthRepository } from '../repositories/health-repository.js';

async function check(fn: () => Promise<unknown>): Promise<'ok' | string> {
  try {
    await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
}

export function registerHealthRoutes(app: FastifyInstance, deps: { db: Database; redis: Redis; startingUp?: () => string | null }) {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    const [postgres, redis] = await Promise.all([
      check(() => healthRepository.ping(deps.db.orm.em.fork())),
      check(() => deps.redis.ping()),
    ]);
    const startingUp = deps.startingUp?.() ?? null;
    const ready = postgres === 'ok' && redis === 'ok' && !startingUp;
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', postgres, redis, ...(startingUp ? { startingUp } : {}) });
  });
}
