// Producers. A request that enqueues must fail fast while Redis is down instead of hanging:
// the connection refuses to buffer commands (enableOfflineQueue: false), and since BullMQ itself
// waits for a ready connection, enqueue checks readiness first and refuses with UNAVAILABLE.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.js';
import { findJob } from './registry.js';
import { defaultRetry, queueNames, type QueueName } from './job-definition.js';
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
      const def = findJob(jobId);
      if (!def) throw new Error(`Unknown job ${jobId}`);
      const payload = def.schema.parse(data) as Record<string, unknown>;
      if (connection.status !== 'ready') {
        throw new AppError('UNAVAILABLE', 'Background jobs are unavailable right now (Redis is not reachable). Try again shortly.');
      }
      await queues.get(def.queue)!.add(jobId, withJobMeta(payload), {
        jobId: opts.dedupeId,
        delay: opts.delayMs,
        attempts: (def.retry ?? defaultRetry).attempts,
        backoff: { type: 'exponential', delay: (def.retry ?? defaultRetry).backoffMs },
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
