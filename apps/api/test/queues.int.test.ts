// Producers fail fast when Redis is unreachable instead of hanging the request that enqueues.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { InvalidJobError } from '../src/jobs/job-types.js';
import { createQueues } from '../src/jobs/queues.js';

it('rejects an enqueue at once when Redis is down', async () => {
  const queues = createQueues('redis://127.0.0.1:1', 'mdtest_down'); // nothing listens on port 1
  const started = Date.now();
  await expect(queues.enqueue('mail.welcome', { userId: randomUUID() }, { dedupeId: 'x' })).rejects.toThrow();
  expect(Date.now() - started).toBeLessThan(10_000); // a hang would hit the test timeout, not this
  await queues.close();
});

it('refuses an unknown job or a bad payload before touching Redis', async () => {
  const queues = createQueues('redis://127.0.0.1:6379', 'mdtest_bad');
  await expect(queues.enqueue('nope', {}, { dedupeId: 'a' })).rejects.toThrow('Job nope has an invalid payload: no such job');
  await expect(queues.enqueue('mail.welcome', { userId: 'not-a-uuid' }, { dedupeId: 'b' })).rejects.toThrow(InvalidJobError);
  await queues.close();
});
