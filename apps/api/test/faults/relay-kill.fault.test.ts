// The outbox relay killed with SIGKILL mid-stream and started again. Sockets live on a serving-only
// API process (OUTBOX_RELAY=false); a second process runs the relay and is the one killed. Every
// committed event still reaches the client, without any catch-up read, and the client's timeline
// holds each event exactly once (a re-send after the kill is absorbed by its sequence).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { AnyLiveEvent } from '@marketdesk/domain';
import { allowedOrigin, mutate, openSocket, registerUser, until, waitFor, type RunningApi } from '../harness.js';
import { killAll, startApiProcess, type ApiProc } from '../processes.js';
import { atFixedRate, committedStream } from './stream-client.js';

const env = {
  DATABASE_URL: inject('databaseUrl'),
  REDIS_PREFIX: `mdfault_${randomBytes(3).toString('hex')}`,
  RUN_MIGRATIONS: 'false',
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  ALLOWED_ORIGINS: allowedOrigin,
  OUTBOX_POLL_MS: '200',
};
const db = new pg.Pool({ connectionString: inject('databaseUrl'), max: 2 });
let serving: ApiProc;
let api: RunningApi;

beforeAll(async () => {
  serving = await startApiProcess({ ...env, OUTBOX_RELAY: 'false' });
  api = { baseUrl: serving.baseUrl } as RunningApi;
});
afterAll(async () => {
  await killAll();
  await db.end();
});

it('loses and duplicates nothing at the client when the relay is killed and restarted', async () => {
  let relay = await startApiProcess({ ...env, OUTBOX_RELAY: 'true' });
  const user = await registerUser(api);
  const stream = `user:${user.id}`;
  const socket = openSocket(api, user.cookie);
  await waitFor(socket, 'connect');
  // Events from before the socket connected (registration) are the page's initial load, not live.
  await until(async () => (await db.query(`select count(*)::int as n from outbox_events where stream = $1 and published_at is null`, [stream])).rows[0].n as number, (n) => n === 0);
  const before = (await committedStream(db, stream)).size;
  const timeline = new Map<number, string>();
  let deliveries = 0;
  socket.on('event', (e: AnyLiveEvent) => {
    if (e.stream !== stream) return;
    deliveries += 1;
    if (!timeline.has(e.seq)) timeline.set(e.seq, e.id); // applied idempotently by sequence
  });

  const crash = (async () => {
    await new Promise((r) => setTimeout(r, 900));
    await relay.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 700)); // events pile up in the outbox meanwhile
    relay = await startApiProcess({ ...env, OUTBOX_RELAY: 'true' });
  })();
  const results = await atFixedRate(50, 40, (i) => mutate(api, 'profile.update', { displayName: `Relay ${i}` }, { cookie: user.cookie }));
  await crash;
  // Overlapping renames of one user may be refused as stale (409): never a 5xx, and only the
  // accepted ones committed an event.
  const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.status : 0));
  const failures = results.flatMap((r) => (r.status === 'fulfilled' && r.value.status !== 200 && r.value.status !== 409 ? [r.value.error?.message] : r.status === 'rejected' ? [String(r.reason)] : []));
  expect(failures).toEqual([]);
  const accepted = statuses.filter((st) => st === 200).length;

  const committed = new Map([...(await committedStream(db, stream))].filter(([seq]) => seq > before));
  expect(committed.size).toBe(accepted);
  await until(async () => timeline.size, (n) => n >= committed.size, 20_000);
  expect([...timeline.entries()].sort((a, b) => a[0] - b[0])).toEqual([...committed.entries()].sort((a, b) => a[0] - b[0]));
  console.log(`relay kill: ${committed.size} events committed, ${deliveries} deliveries (${deliveries - committed.size} re-sent and absorbed)`);
  expect((await db.query(`select count(*)::int as n from outbox_events where stream = $1 and published_at is null`, [stream])).rows[0].n).toBe(0);
  socket.close();
});
