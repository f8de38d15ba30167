// Jobs are typed where they are produced (src/jobs/job-types.ts): a wrong payload is a compile
// error and a refusal inside the producer's transaction, every declared job has exactly one handler,
// and a malformed row that reaches the outbox anyway (an older release, a hand-written row) is
// dropped and logged by the relay — it never blocks the rows behind it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidJobError, job, jobTypes, parseJobPayload, type JobName } from '../src/jobs/job-types.js';
import { jobDefinitions } from '../src/jobs/registry.js';
import { recordEvent } from '../src/services/outbox/record-event.js';
import { startApi, type RunningApi } from './harness.js';

let api: RunningApi;

beforeAll(async () => {
  // The test drains the relay itself.
  api = await startApi({}, { startRelay: false });
});
afterAll(async () => api?.close());

describe('jobs are checked where they are produced', () => {
  it('refuses a malformed payload at run time, naming the job and the field', () => {
    expect(() => job('checkout.expire', { checkoutId: 'not-a-uuid' })).toThrow(InvalidJobError);
    expect(() => job('checkout.expire', { checkoutId: 'not-a-uuid' })).toThrow(/^Job checkout\.expire has an invalid payload: checkoutId: /);
    // @ts-expect-error — a job that does not exist does not compile.
    expect(() => job('checkout.explode', {})).toThrow(/no such job/);
    // @ts-expect-error — neither does a payload of the wrong shape.
    expect(() => job('orders.timer', { orderId: randomUUID() })).toThrow(InvalidJobError);
    expect(job('checkout.expire', { checkoutId: randomUUID() }, { delayMs: -5 })).toMatchObject({ name: 'checkout.expire', delayMs: 0 });
  });

  it('has exactly one handler for every declared job, and no handler for an undeclared one', () => {
    const handled = jobDefinitions.map((d) => d.id).sort();
    expect(handled).toEqual((Object.keys(jobTypes) as JobName[]).sort());
    expect(new Set(handled).size).toBe(handled.length);
    for (const def of jobDefinitions) expect(def.queue).toBe(jobTypes[def.id].queue);
  });
});

describe('the relay and a malformed row', () => {
  it('drops and logs the bad job, publishes the row, and goes on to the rows behind it', async () => {
    const em = api.app.db.orm.em.fork();
    const stream = `test:${randomUUID()}`;
    // A row whose job no producer could write today (checked at `job`), inserted by hand.
    const [bad] = await em.getConnection().execute<{ id: string }[]>(
      `insert into outbox_events (stream, seq, name, payload, rooms, jobs, occurred_at) values (?, 1, 'user.registered', ?, '{}', ?, now()) returning id`,
      [`${stream}:legacy`, JSON.stringify({ userId: randomUUID(), displayName: 'Old row' }), JSON.stringify([{ name: 'checkout.expire', data: { checkoutId: 'not-a-uuid' } }])],
    );
    // And a good one behind it, with a job.
    const userId = randomUUID();
    await em.transactional((tx) => recordEvent(tx, { stream, name: 'user.registered', payload: { userId, displayName: 'New row' }, rooms: [], jobs: [job('mail.welcome', { userId })], actorId: null, now: new Date() }));

    await api.app.relay.drain();

    const rows = await em.getConnection().execute<{ id: string; published_at: Date | null }[]>(`select id, published_at from outbox_events where stream in (?, ?) order by id`, [`${stream}:legacy`, stream]);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.published_at !== null)).toBe(true);
    const good = rows.find((r) => String(r.id) !== String(bad!.id))!;
    const queued = await api.app.queues.queue('mail').getJob(`evt-${good.id}-mail_welcome`);
    expect(parseJobPayload('mail.welcome', queued?.data)).toEqual({ userId });
    expect(await api.app.queues.queue('checkout').getJob(`evt-${bad!.id}-checkout_expire`)).toBeUndefined();
  });
});
