// Every background job's name, queue, payload and retry policy, declared once — the jobs' side of
// the event catalogue. Producers build a job with `job(name, data)`, which checks the payload where
// it is produced: a wrong shape is a type error at compile time and a refusal at run time, inside
// the producer's transaction, so a malformed job never reaches the outbox (and never blocks the
// relay). Handlers (jobs/*/) take their payload type from here. A leaf module: it imports only zod.
import { z } from 'zod';
import type { OutboxJob } from '@marketdesk/db';

export const queueNames = ['mail', 'media', 'payments', 'catalog', 'checkout', 'orders', 'notifications', 'discovery'] as const;
export type QueueName = (typeof queueNames)[number];

export interface RetryPolicy {
  attempts: number;
  /** The first wait; each retry waits twice as long as the one before. */
  backoffMs: number;
}

/** Five tries, from 1 s doubling: about half a minute in all. */
export const defaultRetry: RetryPolicy = { attempts: 5, backoffMs: 1000 };

interface JobType {
  queue: QueueName;
  schema: z.ZodType<Record<string, unknown>>;
  retry?: RetryPolicy;
}

const id = z.string().uuid();
const instant = z.string().datetime();
/** Repeatable jobs (jobs/schedules.ts) carry no payload. */
const scheduled = z.object({}).strict();

export const jobTypes = {
  'mail.welcome': { queue: 'mail', schema: z.object({ userId: id }) },
  'media.thumbnail': { queue: 'media', schema: z.object({ imageId: id }) },
  'payments.processWebhook': { queue: 'payments', schema: z.object({ eventId: z.string().min(1) }) },
  /** A refund an order's move promised (services/payments/refund-effect.ts). 14 tries from 10 s: the last about 23 h after the first. */
  'payments.refund': {
    queue: 'payments',
    schema: z.object({
      orderId: id,
      providerPaymentId: z.string().min(1),
      amountMinor: z.number().int().positive().optional(),
      currency: z.string().length(3),
      idempotencyKey: z.string().min(1),
      reason: z.enum(['fraudulent', 'requested_by_customer']),
      disputeId: id.optional(),
    }),
    retry: { attempts: 14, backoffMs: 10_000 },
  },
  'payouts.send': { queue: 'payments', schema: z.object({ payoutId: id }) },
  'ledger.reconcile': { queue: 'payments', schema: scheduled },
  'checkout.expire': { queue: 'checkout', schema: z.object({ checkoutId: id }) },
  'orders.timer': { queue: 'orders', schema: z.object({ orderId: id, command: z.string().min(1), state: z.string().min(1) }) },
  'notifications.deliver': { queue: 'notifications', schema: z.object({ outboxId: z.string().regex(/^\d+$/) }) },
  'discovery.recordPurchase': { queue: 'discovery', schema: z.object({ orderId: id }) },
  'discovery.flushViews': { queue: 'discovery', schema: scheduled },
  // Timers and housekeeping share the catalog workers (the queue list above is fixed).
  'listing.dealExpiry': { queue: 'catalog', schema: z.object({ listingId: id, dealEndsAt: instant }) },
  'submissions.quoteExpiry': { queue: 'catalog', schema: z.object({ submissionId: id, expiresAt: instant }) },
  'kyc.infoDeadline': { queue: 'catalog', schema: z.object({ kycId: id, dueAt: instant }) },
  'disputes.timer': { queue: 'catalog', schema: z.object({ disputeId: id, command: z.enum(['sla_at_risk', 'sla_breach', 'close']), state: z.string().min(1), enteredAt: instant }) },
  'queues.claimExpiry': { queue: 'catalog', schema: z.object({ itemId: id, claimedAt: instant }) },
  'queues.export': { queue: 'catalog', schema: z.object({ exportId: id }) },
  'markdowns.run': { queue: 'catalog', schema: scheduled },
} as const satisfies Record<string, JobType>;

export type JobName = keyof typeof jobTypes;
export type JobPayload<N extends JobName> = z.infer<(typeof jobTypes)[N]['schema']>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobTypes, name);
}

declare const checked: unique symbol;
/** A job whose payload was checked where it was produced; only `job()` makes one. */
export type CheckedJob = OutboxJob & { readonly [checked]: true };

export class InvalidJobError extends Error {
  constructor(name: string, issues: string) {
    super(`Job ${name} has an invalid payload: ${issues}`);
    this.name = 'InvalidJobError';
  }
}

/** Checks `data` against the job's schema: a refusal here is a programming error in the producer. */
export function parseJobPayload<N extends JobName>(name: N, data: unknown): JobPayload<N> {
  if (!isJobName(name)) throw new InvalidJobError(name, 'no such job');
  const parsed = jobTypes[name].schema.safeParse(data);
  if (!parsed.success) throw new InvalidJobError(name, parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; '));
  return parsed.data as JobPayload<N>;
}

/** A job to record in the outbox with the change that sets it off (delayed by `delayMs`). */
export function job<N extends JobName>(name: N, data: JobPayload<N>, opts: { delayMs?: number } = {}): CheckedJob {
  const payload = parseJobPayload(name, data);
  return { name, data: payload, ...(opts.delayMs !== undefined ? { delayMs: Math.max(0, Math.round(opts.delayMs)) } : {}) } as unknown as CheckedJob;
}
