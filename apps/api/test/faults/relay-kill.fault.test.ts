// The outbox relay killed with SIGKILL mid-stream and started again. Sockets live on a serving-only
// API process (OUTBOX_RELAY=false); a second process runs the relay and is the one killed. Every
// committed event still reaches the client, without any catch-up read, and the client's timeline
// holds each event exactly once (a re-send after the kill is absorbed by its sequence).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { AnyLiveEvent } from '@marketdesk/domain';
import { client, allowedOrigin, openSocket, registerUser, until, waitFor, type CallResult, type RunningApi } from '../harness.js';
import { killAll, startApiProcess, type ApiProc } from '../processes.js';
import { committedStream } from './stream-client.js';

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
  // One rename at a time (every 40 ms at most): renames of one user that overlap would only be
  // refused as stale, and this test is about the relay, not about write races.
  const results: PromiseSettledResult<CallResult>[] = [];
  const started = Date.now();
  for (let i = 0; i < 50; i++) {
    const wait = started + i * 40 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    results.push(...(await Promise.allSettled([client(api).profile.update.mutate({ displayName: `Relay ${i}` }, { cookie: user.cookie })])));
  }
  await crash;
  const failures = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : r.value.status !== 200 ? [`${r.value.status} ${r.value.error?.message}`] : []));
  expect(failures).toEqual([]); // the serving process never depended on the relay

  const committed = new Map([...(await committedStream(db, stream))].filter(([seq]) => seq > before));
  expect(committed.size).toBe(50);
  await until(async () => timeline.size, (n) => n >= committed.size, 20_000);
  expect([...timeline.entries()].sort((a, b) => a[0] - b[0])).toEqual([...committed.entries()].sort((a, b) => a[0] - b[0]));
  console.log(`relay kill: ${committed.size} events committed, ${deliveries} deliveries (${deliveries - committed.size} re-sent and absorbed)`);
  expect((await db.query(`select count(*)::int as n from outbox_events where stream = $1 and published_at is null`, [stream])).rows[0].n).toBe(0);
  socket.close();
});
