// PostgreSQL restarted under an API process (a private throwaway cluster, stopped with
// `pg_ctl -m immediate` as in a crash): while it is down /readyz answers 503 and calls fail fast
// with a clean 503 and a readable message (no socket errors, no stack); once it is back the same
// process serves again — reads, writes and live events — without being restarted.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '@marketdesk/db';
import type { AnyLiveEvent } from '@marketdesk/domain';
import { client, allowedOrigin, nextEvent, openSocket, registerUser, until, waitFor, type RunningApi } from '../harness.js';
import { killAll, privatePostgres, startApiProcess, type ApiProc } from '../processes.js';

let pgServer: Awaited<ReturnType<typeof privatePostgres>>;
let proc: ApiProc;
let api: RunningApi;

beforeAll(async () => {
  pgServer = await privatePostgres();
  const migrated = await openDatabase({ databaseUrl: pgServer.url, migrate: true });
  await migrated.close();
  proc = await startApiProcess({
    DATABASE_URL: pgServer.url,
    REDIS_PREFIX: `mdfault_${randomBytes(3).toString('hex')}`,
    RUN_MIGRATIONS: 'false',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ALLOWED_ORIGINS: allowedOrigin,
    OUTBOX_POLL_MS: '200',
  });
  api = { baseUrl: proc.baseUrl } as RunningApi;
});
afterAll(async () => {
  await killAll();
  await pgServer.destroy();
});

it('answers 503 while PostgreSQL is down and recovers without a restart', async () => {
  const user = await registerUser(api);
  expect((await client(api).auth.me.query(undefined, { cookie: user.cookie })).status).toBe(200);
  const socket = openSocket(api, user.cookie);
  await waitFor(socket, 'connect');

  await pgServer.stop();
  const ready = await until(() => fetch(`${api.baseUrl}/readyz`), (r) => r.status === 503, 10_000);
  expect(ready.status).toBe(503);
  expect(((await ready.json()) as { postgres: string }).postgres).not.toBe('ok');

  const started = Date.now();
  const read = await client(api).auth.me.query(undefined, { cookie: user.cookie });
  const write = await client(api).profile.update.mutate({ displayName: 'During outage' }, { cookie: user.cookie });
  for (const res of [read, write]) {
    expect(res.status).toBe(503);
    expect(res.error?.message).toBe('The database is unavailable right now. Please try again in a moment.');
    expect(JSON.stringify(res.error)).not.toMatch(/ECONNREFUSED|Connection terminated|\.ts:\d+/);
    expect((res.error?.data as { stack?: unknown } | undefined)?.stack ?? null).toBeNull();
  }
  expect(Date.now() - started).toBeLessThan(15_000); // failing, not hanging

  await pgServer.start();
  expect((await until(() => fetch(`${api.baseUrl}/readyz`), (r) => r.status === 200, 30_000)).status).toBe(200);
  expect((await until(() => client(api).auth.me.query(undefined, { cookie: user.cookie }), (r) => r.status === 200, 15_000)).data?.id).toBe(user.id);
  const live = nextEvent<AnyLiveEvent>(socket, 'event', (e) => e.name === 'user.profile.updated' && e.payload.displayName === 'After outage', 15_000);
  expect((await client(api).profile.update.mutate({ displayName: 'After outage' }, { cookie: user.cookie })).status).toBe(200);
  await live; // the relay (LISTEN connection or poll) works again too
  expect(proc.child.exitCode).toBeNull(); // same process throughout
  socket.close();
});
