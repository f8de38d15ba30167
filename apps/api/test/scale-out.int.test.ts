// Scale-out on one machine: two API processes and two workers behind the local load balancer
// (scripts/lb.mjs). Sockets land on both processes and each receives every room event exactly
// once, whichever process handled the mutation and whichever relay published it; every job runs
// exactly once across the two workers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { AnyLiveEvent } from '@marketdesk/domain';
import { allowedOrigin, mutate, openSocket, registerUser, until, waitFor, type RunningApi } from './harness.js';
import { killAll, startApiProcess, startLoadBalancer, startWorkerProcess, type ApiProc, type Proc } from './processes.js';

const env = {
  DATABASE_URL: inject('databaseUrl'),
  REDIS_PREFIX: `mdscale_${randomBytes(3).toString('hex')}`,
  RUN_MIGRATIONS: 'false',
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  ALLOWED_ORIGINS: allowedOrigin,
  TRUST_PROXY: 'true',
  OUTBOX_POLL_MS: '200',
  MAIL_DIR: mkdtempSync(join(tmpdir(), 'md-scale-mail-')),
};
let apis: ApiProc[] = [];
let workers: (Proc & { metricsUrl: string })[] = [];
let lb: RunningApi;
let registered = 0;

beforeAll(async () => {
  [apis, workers] = await Promise.all([Promise.all([startApiProcess(env), startApiProcess(env)]), Promise.all([startWorkerProcess(env), startWorkerProcess(env)])]);
  const balancer = await startLoadBalancer(apis.map((a) => a.baseUrl));
  lb = { baseUrl: balancer.baseUrl } as RunningApi;
}, 120_000);
afterAll(async () => {
  await killAll();
});

const scrape = async (url: string) => (await fetch(url)).text();
const series = (text: string, name: string, filter = '') =>
  text
    .split('\n')
    .filter((l) => l.startsWith(name) && l.includes(filter))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);

it('delivers every room event once to sockets on either API process', async () => {
  const user = await registerUser(lb);
  registered += 1;
  const sockets: Socket[] = Array.from({ length: 6 }, () => openSocket(lb, user.cookie));
  await Promise.all(sockets.map((s) => waitFor(s, 'connect')));
  const perProcess = await Promise.all(apis.map(async (a) => series(await scrape(`${a.baseUrl}/metrics`), 'marketdesk_socket_connections')));
  expect(perProcess.every((n) => n > 0), `sockets per process: ${perProcess.join(', ')}`).toBe(true);

  const received = sockets.map(() => [] as string[]);
  sockets.forEach((s, i) => s.on('event', (e: AnyLiveEvent) => e.name === 'user.profile.updated' && received[i]!.push(e.payload.displayName)));
  const names = Array.from({ length: 6 }, (_, i) => `Scaled ${i}`);
  // Round-robin: the mutations (and so the relays that publish them) alternate between processes.
  for (const displayName of names) expect((await mutate(lb, 'profile.update', { displayName }, { cookie: user.cookie })).status).toBe(200);
  await until(async () => received, (r) => r.every((names_) => names_.length >= names.length), 10_000);
  await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive by now
  for (const got of received) expect([...got].sort()).toEqual([...names].sort());
  for (const s of sockets) s.close();
});

it('runs every job exactly once across two workers', async () => {
  const users = 12;
  for (let i = 0; i < users; i++) await registerUser(lb);
  registered += users;
  const runs = async () => {
    const texts = await Promise.all(workers.map((w) => scrape(w.metricsUrl)));
    return texts.map((t) => series(t, 'marketdesk_bullmq_job_duration_seconds_count', 'job="mail.welcome"'));
  };
  const perWorker = await until(runs, (r) => r[0]! + r[1]! >= registered, 30_000);
  await new Promise((r) => setTimeout(r, 1000));
  const settled = await runs();
  expect(settled[0]! + settled[1]!, `welcome-mail runs per worker: ${settled.join(', ')}`).toBe(registered);
  expect(settled).toEqual(perWorker);
});
