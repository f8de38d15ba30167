// Repeating jobs are BullMQ job schedulers whose cron patterns are read in JOBS_TIME_ZONE — never in
// the host's TZ: each scheduler carries the zone, and its next run is the pattern's wall-clock time there.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { zonedParts } from '@marketdesk/domain';
import { jobTypes } from '../src/jobs/job-types.js';
import { jobSchedules, registerJobSchedules } from '../src/jobs/schedules.js';
import { startApi } from './harness.js';

const connection = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
const prefixes: string[] = [];
const newPrefix = () => {
  const prefix = `mdsched_${randomBytes(4).toString('hex')}`;
  prefixes.push(prefix);
  return prefix;
};
const schedulerOf = async (prefix: string, id: string, queueName: string) => {
  const queue = new Queue(queueName, { connection, prefix: `${prefix}:bull` });
  try {
    return await queue.getJobScheduler(id);
  } finally {
    await queue.close();
  }
};

beforeAll(() => {
  expect(jobSchedules.length).toBeGreaterThanOrEqual(3);
});
afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await connection.keys(`${prefix}:*`);
    if (keys.length) await connection.del(...keys);
  }
  connection.disconnect();
});

it('gives every repeating job the zone, and runs its pattern at that wall-clock time there', async () => {
  for (const timeZone of ['Europe/Berlin', 'America/New_York']) {
    const prefix = newPrefix();
    await registerJobSchedules(connection, prefix, timeZone, pino({ level: 'silent' }));
    for (const s of jobSchedules) {
      expect(await schedulerOf(prefix, s.id, jobTypes[s.job].queue), s.id).toMatchObject({ key: s.id, name: s.job, pattern: s.pattern, tz: timeZone });
    }
    // '30 3 * * *': the next reconciliation is at 03:30 in that zone, whatever the host's TZ.
    const nightly = await schedulerOf(prefix, 'nightly-reconciliation', 'payments');
    expect(nightly?.next).toBeGreaterThan(Date.now());
    expect(zonedParts(nightly!.next!, timeZone)).toMatchObject({ hour: 3, minute: 30, second: 0 });
  }
});

it('moves a scheduler registered before into the configured zone', async () => {
  const prefix = newPrefix();
  const queue = new Queue('payments', { connection, prefix: `${prefix}:bull` });
  await queue.upsertJobScheduler('nightly-reconciliation', { pattern: '30 3 * * *' }, { name: 'ledger.reconcile', data: {} });
  await queue.close();
  expect((await schedulerOf(prefix, 'nightly-reconciliation', 'payments'))?.tz).toBeUndefined();
  await registerJobSchedules(connection, prefix, 'Asia/Tokyo', pino({ level: 'silent' }));
  const moved = await schedulerOf(prefix, 'nightly-reconciliation', 'payments');
  expect(moved?.tz).toBe('Asia/Tokyo');
  expect(zonedParts(moved!.next!, 'Asia/Tokyo')).toMatchObject({ hour: 3, minute: 30 });
});

it('takes the zone from JOBS_TIME_ZONE when the workers start', async () => {
  const prefix = newPrefix();
  const api = await startApi({ REDIS_PREFIX: prefix, WORKER_IN_PROCESS: 'true', JOBS_TIME_ZONE: 'Australia/Sydney' });
  try {
    const markdowns = jobSchedules.find((s) => s.id === 'daily-markdowns')!;
    let scheduler;
    for (let i = 0; i < 100 && !scheduler; i++) {
      scheduler = await api.app.queues.queue(jobTypes[markdowns.job].queue).getJobScheduler(markdowns.id);
      if (!scheduler) await new Promise((r) => setTimeout(r, 50));
    }
    expect(scheduler).toMatchObject({ pattern: '15 2 * * *', tz: 'Australia/Sydney' });
    expect(zonedParts(scheduler!.next!, 'Australia/Sydney')).toMatchObject({ hour: 2, minute: 15 });
  } finally {
    await api.close();
  }
});
