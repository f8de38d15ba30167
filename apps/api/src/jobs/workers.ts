// Consumers: one BullMQ Worker per queue, dispatching by job name to its definition.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobContext } from './job-definition.js';
import { queueNames } from './job-definition.js';
import { findJob } from './registry.js';

export function startWorkers(redisUrl: string, prefix: string, ctx: JobContext) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (err) => ctx.log.warn({ err: err.message }, 'worker redis error'));
  const workers = queueNames.map(
    (name) =>
      new Worker(
        name,
        async (job) => {
          const def = findJob(job.name);
          if (!def) throw new Error(`No handler for job ${job.name}`);
          await def.handle({ ...ctx, log: ctx.log.child({ job: job.name, jobId: job.id }) }, def.schema.parse(job.data));
        },
        { connection, prefix: `${prefix}:bull`, concurrency: 5 },
      ),
  );
  for (const w of workers) w.on('failed', (job, err) => ctx.log.error({ job: job?.name, err: err.message }, 'job failed'));
  return {
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
