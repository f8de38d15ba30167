// Scale-out on one machine, through the production proxy: two API processes and two workers behind
// Debian's HAProxy running deploy/haproxy/haproxy.cfg — the file docker-compose.yml's proxy image
// ships — with two small stand-ins for the console and storefront servers. The proxy sends the API's
// paths to the API processes and everything else to the app of its listener, refuses /metrics;
// Socket.IO's long-polling stays on one process (sticky cookie); sockets land on both processes and
// each receives every room event exactly once, whichever process handled the mutation and whichever
// relay published it; every job runs exactly once across the two workers; and when one API process
// stops (SIGTERM, as in a rolling deploy) or crashes (SIGKILL), its sockets reconnect through the
// proxy to the other one — a stopped process's sockets resume their sessions with the events they
// missed, a crashed process's sockets get every later event once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, expect, inject, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { AnyLiveEvent } from '@marketdesk/domain';
import { client, allowedOrigin, openSocket, registerUser, until, waitFor, type RunningApi } from './harness.js';
import { killAll, requireHaproxy, startApiProcess, startProxy, startWorkerProcess, waitForProxyServersUp, type ApiProc, type Proc, type ProxyProc } from './processes.js';
import { readProxyConfig } from './deploy-config.js';

const env = {
  DATABASE_URL: inject('databaseUrl'),
  REDIS_PREFIX: `mdscale_${randomBytes(3).toString('hex')}`,
  RUN_MIGRATIONS: 'false',
  NODE_ENV: 'test',
  LOG_LEVEL: 'warn',
  ALLOWED_ORIGINS: allowedOrigin,
  // As on every API process behind the proxy (docker-compose.yml): it sets X-Forwarded-For.
  TRUST_PROXY: 'true',
  OUTBOX_POLL_MS: '200',
  MAIL_DIR: mkdtempSync(join(tmpdir(), 'md-scale-mail-')),
};
let apis: ApiProc[] = [];
let workers: (Proc & { metricsUrl: string })[] = [];
let proxy: ProxyProc;
let proxied: RunningApi;
const standIns: Server[] = [];
let registered = 0;

/** A stand-in for an app server: names itself and echoes the X-Forwarded-For it was given. */
async function standIn(name: string): Promise<string> {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`${name} stand-in; x-forwarded-for=${req.headers['x-forwarded-for'] ?? ''}`);
  });
  standIns.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  requireHaproxy();
  const [console_, storefront] = await Promise.all([standIn('console'), standIn('storefront')]);
  [apis, workers] = await Promise.all([Promise.all([startApiProcess(env), startApiProcess(env)]), Promise.all([startWorkerProcess(env), startWorkerProcess(env)])]);
  proxy = await startProxy({ apis: apis.map((a) => a.baseUrl), console: console_, storefront });
  await waitForProxyServersUp(proxy, ['api/api1', 'api/api2', 'console/console', 'storefront/storefront']);
  proxied = { baseUrl: proxy.consoleUrl } as RunningApi;
}, 120_000);
/** Sockets a test opened, closed after it whatever its outcome (the next one counts sockets per process). */
const opened: Socket[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) s.close();
  const live = apis.filter((a) => a.child.exitCode === null && a.child.signalCode === null);
  await until(async () => Promise.all(live.map(socketsOn)), (counts) => counts.every((n) => n === 0), 10_000);
});
afterAll(async () => {
  await killAll();
  await Promise.all(standIns.map((s) => new Promise((r) => s.close(r))));
});

const scrape = async (url: string) => (await fetch(url)).text();
const series = (text: string, name: string, filter = '') =>
  text
    .split('\n')
    .filter((l) => l.startsWith(name) && l.includes(filter))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
const socketsOn = async (api: ApiProc) => series(await scrape(`${api.baseUrl}/metrics`), 'marketdesk_socket_connections');
const answer = async (url: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, { headers, redirect: 'manual' });
  return { status: res.status, body: await res.text() };
};

it('sends the API paths to the API processes, refuses what is internal, and serves each app on its own listener', async () => {
  const config = readProxyConfig();
  // One path under each of the proxy's API prefixes (and each exact path): through either public
  // listener it is answered exactly as an API process answers it directly.
  const paths = config.apiPaths.flatMap((m) => m.values.map((v) => (m.kind === 'path' ? v : `${v}proxy-probe`)));
  expect(paths.length).toBeGreaterThan(5);
  for (const listener of [proxy.consoleUrl, proxy.storefrontUrl, proxy.internalUrl]) {
    for (const path of paths) {
      const [viaProxy, direct] = await Promise.all([answer(listener + path), answer(apis[0]!.baseUrl + path)]);
      expect(viaProxy, `${path} through ${listener}`).toEqual(direct);
      expect(viaProxy.body).not.toContain('stand-in');
    }
  }
  // /metrics, /healthz, /readyz: answered by the API to its own network, refused by the proxy.
  const refused = config.refusedBy('web').flatMap((m) => m.values.map((v) => (m.kind === 'path' ? v : `${v}x`)));
  expect(refused).toContain('/metrics');
  expect(config.refusedBy('api_internal')).toEqual(config.refusedBy('web'));
  for (const listener of [proxy.consoleUrl, proxy.storefrontUrl, proxy.internalUrl]) {
    for (const path of refused) {
      const viaProxy = await answer(listener + path);
      expect(viaProxy.status, `${path} through ${listener}`).toBe(404);
      expect(viaProxy.body).not.toMatch(/marketdesk_|"status"|stand-in/);
    }
  }
  // Everything else goes to the listener's own app; the client's address is set, not appended.
  for (const [listener, app] of [[proxy.consoleUrl, 'console'], [proxy.storefrontUrl, 'storefront']] as const) {
    for (const path of ['/', '/listings/some-record', '/trpcx', '/authors']) {
      const page = await answer(listener + path, { 'x-forwarded-for': '203.0.113.9' });
      expect(page, `${path} through the ${app} listener`).toEqual({ status: 200, body: `${app} stand-in; x-forwarded-for=127.0.0.1` });
    }
  }
});

it("keeps a Socket.IO long-polling session on the process that holds it (the proxy's sticky cookie)", async () => {
  const user = await registerUser(proxied);
  registered += 1;
  const poll = `${proxy.consoleUrl}/socket.io/?EIO=4&transport=polling`;
  const opened = await fetch(poll, { headers: { cookie: user.cookie, origin: allowedOrigin } });
  const handshake = await opened.text();
  expect(opened.status, handshake).toBe(200);
  const { sid } = JSON.parse(handshake.slice(1)) as { sid: string };
  const sticky = opened.headers.getSetCookie().find((c) => c.startsWith('md_api='));
  expect(sticky, 'the proxy names the process in a cookie').toMatch(/^md_api=api[12];/);
  const headers = { cookie: `${user.cookie}; ${sticky!.split(';')[0]}`, origin: allowedOrigin };
  // Round robin alone would send the next request to the other process, which knows no such
  // session ("Session ID unknown"): the cookie keeps every request of the session on its process.
  const connect = await fetch(`${poll}&sid=${sid}`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, body: '40' });
  expect(connect.status, await connect.clone().text()).toBe(200);
  const connected = await fetch(`${poll}&sid=${sid}`, { headers });
  expect(await connected.text()).toMatch(/^40\{"sid":/);
  const closed = await fetch(`${poll}&sid=${sid}`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' }, body: '1' });
  expect(closed.status).toBe(200);
});

it('delivers every room event once to sockets on either API process', async () => {
  const user = await registerUser(proxied);
  registered += 1;
  const sockets: Socket[] = Array.from({ length: 6 }, () => openSocket(proxied, user.cookie));
  opened.push(...sockets);
  await Promise.all(sockets.map((s) => waitFor(s, 'connect')));
  const perProcess = await Promise.all(apis.map(socketsOn));
  expect(perProcess.every((n) => n > 0), `sockets per process: ${perProcess.join(', ')}`).toBe(true);

  const received = sockets.map(() => [] as string[]);
  sockets.forEach((s, i) => s.on('event', (e: AnyLiveEvent) => e.name === 'user.profile.updated' && received[i]!.push(e.payload.displayName)));
  const names = Array.from({ length: 6 }, (_, i) => `Scaled ${i}`);
  // Round robin: the mutations (and so the relays that publish them) alternate between processes.
  for (const displayName of names) expect((await client(proxied).profile.update.mutate({ displayName }, { cookie: user.cookie })).status).toBe(200);
  await until(async () => received, (r) => r.every((names_) => names_.length >= names.length), 10_000);
  await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive by now
  for (const got of received) expect([...got].sort()).toEqual([...names].sort());
});

it('runs every job exactly once across two workers', async () => {
  const users = 12;
  for (let i = 0; i < users; i++) await registerUser(proxied);
  registered += users;
  const runs = async () => {
    const texts = await Promise.all(workers.map((w) => scrape(w.metricsUrl)));
    return texts.map((t) => series(t, 'marketdesk_bullmq_job_duration_seconds_count', 'job="mail.welcome"'));
  };
  // Every user registered by this file (the routing test's and the socket tests' too) gets one welcome mail.
  const perWorker = await until(runs, (r) => r[0]! + r[1]! >= registered, 30_000);
  await new Promise((r) => setTimeout(r, 1000));
  const settled = await runs();
  expect(settled[0]! + settled[1]!, `welcome-mail runs per worker: ${settled.join(', ')}`).toBe(registered);
  expect(settled).toEqual(perWorker);
});

/** Six sockets of one new user through the proxy, on both processes, recording the names they are sent. */
async function socketsOnBothProcesses() {
  const user = await registerUser(proxied);
  const sockets: Socket[] = Array.from({ length: 6 }, () => openSocket(proxied, user.cookie));
  opened.push(...sockets);
  await Promise.all(sockets.map((s) => waitFor(s, 'connect')));
  const perProcess = await Promise.all(apis.map(socketsOn));
  expect(perProcess.every((n) => n > 0), `sockets per process: ${perProcess.join(', ')}`).toBe(true);
  const received = new Map(sockets.map((s) => [s, [] as string[]]));
  for (const s of sockets) s.on('event', (e: AnyLiveEvent) => e.name === 'user.profile.updated' && received.get(s)!.push(e.payload.displayName));
  const dropped = new Set<Socket>();
  for (const s of sockets) s.on('disconnect', () => dropped.add(s));
  const rename = async (names: string[]) => {
    for (const displayName of names) expect((await client(proxied).profile.update.mutate({ displayName }, { cookie: user.cookie })).status).toBe(200);
  };
  return { sockets, perProcess, received, dropped, rename };
}

it('moves the sockets of a stopped API process (SIGTERM) to the other one through the proxy, with the events they missed', async () => {
  const { sockets, perProcess, received, dropped, rename } = await socketsOnBothProcesses();
  // A session resumes from the last event its socket got (Socket.IO's offset): one before the stop.
  const before = ['Before stop'];
  await rename(before);
  await until(async () => [...received.values()], (r) => r.every((got) => got.length >= before.length), 10_000);
  // The test brings the dropped sockets back itself, after the events they are to miss.
  for (const s of sockets) s.io.reconnection(false);
  const stopped = apis[0]!;
  await stopped.kill('SIGTERM');
  await until(async () => dropped.size, (n) => n >= perProcess[0]!, 10_000);
  expect(dropped.size, 'every socket of the stopped process was dropped, no other').toBe(perProcess[0]);

  const missed = ['Away 0', 'Away 1', 'Away 2'];
  await rename(missed);
  const back = [...dropped].map((s) => waitFor(s, 'connect'));
  for (const s of dropped) s.connect();
  await Promise.all(back);
  for (const s of dropped) expect(s.recovered, 'a socket of the stopped process resumed its session on the other one').toBe(true);
  const later = ['Back 0', 'Back 1'];
  await rename(later);
  const all = [...before, ...missed, ...later];
  await until(async () => [...received.values()], (r) => r.every((got) => got.length >= all.length), 10_000);
  await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive by now
  for (const got of received.values()) expect(got).toEqual(all);
}, 60_000);

it('reconnects the sockets of a crashed API process (SIGKILL) through the proxy, and each gets every later event once', async () => {
  // Both processes up: one the previous test stopped comes back where the proxy expects it.
  apis = await Promise.all(apis.map((a) => (a.child.exitCode === null && a.child.signalCode === null ? a : startApiProcess(env, a.port))));
  await waitForProxyServersUp(proxy, ['api/api1', 'api/api2']);
  const { sockets, perProcess, received, dropped, rename } = await socketsOnBothProcesses();
  await apis[1]!.kill('SIGKILL');
  await until(async () => dropped.size, (n) => n >= perProcess[1]!, 10_000);
  expect(dropped.size, 'every socket of the crashed process was dropped, no other').toBe(perProcess[1]);
  // They reconnect by themselves; the proxy sends them to the live process.
  expect(await until(async () => sockets.every((s) => s.connected), (all) => all, 15_000)).toBe(true);
  // A crashed process cannot save its sockets' sessions: they start fresh (the apps refetch on
  // every reconnect, useOnConnect), and from then on miss nothing.
  for (const s of dropped) expect(s.recovered).toBe(false);
  const names = ['After crash 0', 'After crash 1', 'After crash 2'];
  await rename(names);
  await until(async () => [...received.values()], (r) => r.every((got) => got.length >= names.length), 10_000);
  await new Promise((r) => setTimeout(r, 500)); // a duplicate would arrive by now
  for (const got of received.values()) expect(got).toEqual(names);
}, 60_000);
