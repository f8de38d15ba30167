// Redis restarted under load (a private redis-server, killed and started again empty): the API
// keeps serving, /readyz reports Redis while it is gone, clients whose connection drops during or
// just after the outage reconnect by themselves, every client ends with every event of the stream
// exactly once (live or by catch-up), events and jobs held in the outbox during the outage
// go out once Redis is back, and the queues run again.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { client, openSocket, registerUser, startApi, until, waitFor, type RunningApi } from '../harness.js';
import { killAll, privateRedis, startWorkerProcess } from '../processes.js';
import { atFixedRate, committedStream, StreamClient } from './stream-client.js';

let redis: Awaited<ReturnType<typeof privateRedis>>;
let api: RunningApi;
const db = new pg.Pool({ connectionString: inject('databaseUrl'), max: 3 });

beforeAll(async () => {
  redis = await privateRedis();
  const env = { REDIS_URL: redis.url, REDIS_PREFIX: `mdfault_${randomBytes(3).toString('hex')}` };
  api = await startApi(env);
  await startWorkerProcess({ ...env, DATABASE_URL: inject('databaseUrl'), RUN_MIGRATIONS: 'false', NODE_ENV: 'test', LOG_LEVEL: 'warn' });
});
afterAll(async () => {
  await api.close();
  await killAll();
  await redis.stop();
  await db.end();
});

it('keeps clients whole and queues running across a Redis restart', async () => {
  const user = await registerUser(api);
  const stream = `user:${user.id}`;
  const sockets = Array.from({ length: 3 }, () => openSocket(api, user.cookie));
  await Promise.all(sockets.map((s) => waitFor(s, 'connect')));
  const clients = sockets.map((s) => new StreamClient(s, stream, db));

  let readyDuringOutage = 0;
  const outage = (async () => {
    await new Promise((r) => setTimeout(r, 800));
    await redis.stop();
    readyDuringOutage = (await fetch(`${api.baseUrl}/readyz`)).status;
    sockets[1]!.io.engine.close(); // a client whose connection drops while Redis is away
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    await new Promise((r) => setTimeout(r, 300));
    sockets[2]!.io.engine.close(); // and one that drops just after it is back
  })();
  const results = await atFixedRate(60, 60, (i) => client(api).profile.update.mutate({ displayName: `Redis ${i}` }, { cookie: user.cookie }));
  await outage;
  // Every call gets a clean answer: done (200), refused as stale by an overlapping rename of the
  // same user (409), or — where a request needs Redis, e.g. a rate limit — a clean 503. Never a 500.
  const statuses = results.map((r) => (r.status === 'fulfilled' ? r.value.status : 0));
  expect(statuses.filter((s) => ![200, 409, 503].includes(s))).toEqual([]);
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
  expect(readyDuringOutage).toBe(503);

  await until(async () => (await db.query(`select count(*)::int as n from outbox_events where stream = $1 and published_at is null`, [stream])).rows[0].n as number, (n) => n === 0, 20_000);
  // A new event after recovery: clients that silently missed some see the gap and catch up.
  expect((await client(api).profile.update.mutate({ displayName: 'Redis after' }, { cookie: user.cookie })).status).toBe(200);
  const committed = await committedStream(db, stream);
  // Both dropped clients reconnected by themselves (and caught up on connecting).
  expect(clients[1]!.reconnects).toBeGreaterThan(0);
  expect(clients[2]!.reconnects).toBeGreaterThan(0);
  expect(sockets.every((s) => s.connected)).toBe(true);
  for (const c of clients) {
    await until(async () => c.complete(await committedStream(db, stream)), (ok) => ok, 15_000);
    expect(c.complete(committed), `applied ${c.applied.size} of ${committed.size}`).toBe(true);
  }
  console.log(`redis restart: ${committed.size} events; per client deliveries/duplicates/catch-ups/reconnects: ${clients.map((c) => `${c.deliveries}/${c.duplicates}/${c.catchUps}/${c.reconnects}`).join(', ')}`);

  // Queues resume: a welcome mail for a user registered after the restart is sent by the worker.
  const late = await registerUser(api);
  const sent = await until(async () => (await db.query(`select count(*)::int as n from sent_mails where dedupe_key = $1`, [`welcome:${late.id}`])).rows[0].n as number, (n) => n === 1, 30_000);
  expect(sent).toBe(1);
  expect((await fetch(`${api.baseUrl}/readyz`)).status).toBe(200);
  for (const s of sockets) s.close();
});
