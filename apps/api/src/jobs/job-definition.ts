// A job is its declaration in job-types.ts (name, queue, payload, retry policy) plus a handler here
// (documenso's shape). Producers never import handlers: they build jobs from job-types.ts.
import type { Logger } from 'pino';
import type { Database } from '@marketdesk/db';
import type { Config } from '../env.js';
import type { Mailer } from '../integrations/mail/mailer.js';
import type { StoragePort } from '../integrations/storage/storage-port.js';
import type { PaymentGateway } from '../integrations/stripe/payment-gateway.js';
import { jobTypes, parseJobPayload, type JobName, type JobPayload, type QueueName, type RetryPolicy } from './job-types.js';

export { defaultRetry, queueNames, type QueueName } from './job-types.js';

export interface JobContext {
  config: Config;
  db: Database;
  mailer: Mailer;
  storage: StoragePort;
  /** Null when payments are not configured. */
  gateway: PaymentGateway | null;
  log: Logger;
  now: () => Date;
}

export interface JobHandler<N extends JobName> {
  /** Handlers must be idempotent: delivery is at-least-once. A throw is retried with backoff. */
  handle(ctx: JobContext, data: JobPayload<N>): Promise<void>;
  /** After the last attempt failed: make the failure visible where people look (a timeline, a queue). */
  gaveUp?(ctx: JobContext, data: JobPayload<N>, error: Error): Promise<void>;
}

export interface JobDefinition<N extends JobName = JobName> extends JobHandler<N> {
  id: N;
  queue: QueueName;
  retry: RetryPolicy | undefined;
}

/** Any job's definition (a union over the job names, so each keeps its own payload type). */
export type AnyJobDefinition = { [N in JobName]: JobDefinition<N> }[JobName];

export function defineJob<N extends JobName>(id: N, handler: JobHandler<N>): JobDefinition<N> {
  const type = jobTypes[id];
  return { id, queue: type.queue, retry: 'retry' in type ? type.retry : undefined, ...handler };
}

/**
 * One attempt at a job: `attemptsMade` tries already failed of `attempts` allowed. A throw is handed
 * back for BullMQ to retry; on the last attempt the definition's `gaveUp` runs first, so the failure
 * is visible where people look, not only in the job dashboard.
 */
export async function attemptJob<N extends JobName>(def: JobDefinition<N>, ctx: JobContext, data: JobPayload<N>, attempt: { attemptsMade: number; attempts: number }): Promise<void> {
  try {
    await def.handle(ctx, data);
  } catch (err) {
    if (def.gaveUp && attempt.attemptsMade + 1 >= attempt.attempts) await def.gaveUp(ctx, data, err as Error);
    throw err;
  }
}

/** Runs one attempt of a job as BullMQ hands it over: the payload is checked against the job's schema first. */
export function attemptQueuedJob(def: AnyJobDefinition, ctx: JobContext, raw: unknown, attempt: { attemptsMade: number; attempts: number }): Promise<void> {
  const data = parseJobPayload(def.id, raw);
  return attemptJob(def as JobDefinition<JobName>, ctx, data as never, attempt);
}
