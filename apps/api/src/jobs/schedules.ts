// Repeating jobs, as BullMQ job schedulers. A cron pattern means a wall-clock time in some zone, and
// without one BullMQ reads it in the host's (TZ): every scheduler is given JOBS_TIME_ZONE explicitly.
// Upserting a scheduler is idempotent (and updates one registered before), so every worker may do it.
import { Queue, type RepeatOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { jobTypes, type JobName } from './job-types.js';

/** Every repeating job (cron with seconds, read in JOBS_TIME_ZONE); its queue is the job's own (job-types.ts). */
export const jobSchedules: readonly { id: string; job: JobName; pattern: string }[] = [
  { id: 'nightly-reconciliation', job: 'ledger.reconcile', pattern: '30 3 * * *' },
  { id: 'discovery-view-flush', job: 'discovery.flushViews', pattern: '*/10 * * * * *' },
  { id: 'daily-markdowns', job: 'markdowns.run', pattern: '15 2 * * *' },
];

/** When a schedule repeats: its cron pattern, read in the given zone. */
export function repeatOf(schedule: { pattern: string }, timeZone: string): RepeatOptions {
  return { pattern: schedule.pattern, tz: timeZone };
}

/** Registers every repeating job; a scheduler that cannot be registered is logged, not fatal. */
export async function registerJobSchedules(connection: Redis, prefix: string, timeZone: string, log: Logger): Promise<void> {
  await Promise.all(
    jobSchedules.map(async (s) => {
      const queue = new Queue(jobTypes[s.job].queue, { connection, prefix: `${prefix}:bull` });
      try {
        await queue.upsertJobScheduler(s.id, repeatOf(s, timeZone), { name: s.job, data: {} });
      } catch (err) {
        log.warn({ scheduler: s.id, err: (err as Error).message }, 'could not register job scheduler');
      } finally {
        await queue.close();
      }
    }),
  );
}
