// Consumers: one BullMQ Worker per queue, dispatching by job name to its definition.
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { JobContext } from './job-definition.js';
import { attemptQueuedJob, queueNames } from './job-definition.js';
import { findJob } from './registry.js';
import { registerJobSchedules } from './schedules.js';
import { observeJob } from '../observability/job-observability.js';
import { bullmqTelemetry } from '../observability/tracing.js';

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
          // Timed, traced and logged under the request that caused the job (see observability/).
          await observeJob(name, job, async (meta) => {
            const jobCtx = { ...ctx, log: ctx.log.child({ job: job.name, jobId: job.id, ...(meta ? { requestId: meta.requestId } : {}) }) };
            await attemptQueuedJob(def, jobCtx, job.data, { attemptsMade: job.attemptsMade, attempts: job.opts.attempts ?? 1 });
          });
        },
        // A worker that dies mid-job (kill -9) stops renewing its lock; after JOB_LOCK_MS another
        // worker (or the restarted one) takes the stalled job over. Handlers are idempotent.
        { connection, prefix: `${prefix}:bull`, ...bullmqTelemetry(), concurrency: 5, lockDuration: ctx.config.JOB_LOCK_MS, stalledInterval: Math.max(500, Math.floor(ctx.config.JOB_LOCK_MS / 2)) },
      ),
  );
  for (const w of workers) w.on('failed', (job, err) => ctx.log.error({ job: job?.name, err: err.message }, 'job failed'));
  // Repeating jobs, in JOBS_TIME_ZONE (schedules.ts).
  const schedules = registerJobSchedules(connection, prefix, ctx.config.JOBS_TIME_ZONE, ctx.log);
  return {
    /** Resolves once every repeating job is registered (or logged as not registrable). */
    schedules,
    async close() {
      await schedules;
      await Promise.all(workers.map((w) => w.close()));
      connection.disconnect();
    },
  };
}
