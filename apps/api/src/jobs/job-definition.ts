// A job is an id, the queue it runs on, a zod payload and a handler (documenso's shape).
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { Database } from '@marketdesk/db';
import type { Config } from '../env.js';
import type { Mailer } from '../integrations/mail/mailer.js';
import type { StoragePort } from '../integrations/storage/storage-port.js';
import type { PaymentGateway } from '../integrations/stripe/payment-gateway.js';

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

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  id: string;
  queue: QueueName;
  schema: S;
  /** Handlers must be idempotent: delivery is at-least-once. A throw is retried with backoff. */
  handle(ctx: JobContext, data: z.infer<S>): Promise<void>;
  /** Runs before a job is tried (default 5, backoff from 1 s doubling each time). */
  retry?: { attempts: number; backoffMs: number };
  /** After the last attempt failed: make the failure visible where people look (a timeline, a queue). */
  gaveUp?(ctx: JobContext, data: z.infer<S>, error: Error): Promise<void>;
}

export const defaultRetry = { attempts: 5, backoffMs: 1000 };

/**
 * One attempt at a job: `attemptsMade` tries already failed of `attempts` allowed. A throw is handed
 * back for BullMQ to retry; on the last attempt the definition's `gaveUp` runs first, so the failure
 * is visible where people look, not only in the job dashboard.
 */
export async function attemptJob<S extends z.ZodType>(def: JobDefinition<S>, ctx: JobContext, data: z.infer<S>, attempt: { attemptsMade: number; attempts: number }): Promise<void> {
  try {
    await def.handle(ctx, data);
  } catch (err) {
    if (def.gaveUp && attempt.attemptsMade + 1 >= attempt.attempts) await def.gaveUp(ctx, data, err as Error);
    throw err;
  }
}

export const queueNames = ['mail', 'media', 'payments', 'catalog', 'checkout', 'orders', 'notifications', 'discovery'] as const;
export type QueueName = (typeof queueNames)[number];

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}
