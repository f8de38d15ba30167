// Producers. A request that enqueues must fail fast while Redis is down instead of hanging:
// the connection refuses to buffer commands (enableOfflineQueue: false), and since BullMQ itself
// waits for a ready connection, enqueue checks readiness first and refuses with UNAVAILABLE.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.js';
import { defaultRetry, jobTypes, parseJobPayload, queueNames, type JobName, type QueueName } from './job-types.js';
import { withJobMeta } from '../observability/job-observability.js';
import { bullmqTelemetry } from '../observability/tracing.js';

export interface JobQueues {
  enqueue(jobId: string, data: Record<string, unknown>, opts: { dedupeId: string; delayMs?: number }): Promise<void>;
  queue(name: QueueName): Queue;
  close(): Promise<void>;
}

export function createQueues(redisUrl: string, prefix: string): JobQueues {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: false });
  connection.on('error', () => {}); // surfaced through failed commands; avoid unhandled 'error' events
  const queues = new Map(
    queueNames.map((name) => [name, new Queue(name, { connection, prefix: `${prefix}:bull`, ...bullmqTelemetry() })] as const),
  );
  for (const q of queues.values()) q.on('error', () => {}); // connection errors surface as refused enqueues
  return {
    async enqueue(jobId, data, opts) {
      // Checked where it was produced (job-types.ts `job`); checked again here, at the door to Redis.
      const payload = parseJobPayload(jobId as JobName, data);
      const def = jobTypes[jobId as JobName];
      if (connection.status !== 'ready') {
        throw new AppError('UNAVAILABLE', 'Background jobs are unavailable right now (Redis is not reachable). Try again shortly.');
      }
      const retry = 'retry' in def ? def.retry : defaultRetry;
      await queues.get(def.queue)!.add(jobId, withJobMeta(payload), {
        jobId: opts.dedupeId,
        delay: opts.delayMs,
        attempts: retry.attempts,
        backoff: { type: 'exponential', delay: retry.backoffMs },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
    },
    queue: (name) => queues.get(name)!,
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
      connection.disconnect();
    },
  };
}
