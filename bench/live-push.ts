// Live push latency: a tRPC mutation on a queue item (an internal note) commits → the outbox relay
// publishes it → every one of N console sockets watching the queue room has it. Floor: a bare Socket.IO `io.to(room).emit` of an event of
// the same size to the same sockets, in the same run. Open-loop: sends go out on a fixed schedule
// and latency counts from each send's intended time, so a stall shows in the tail instead of being
// hidden. Floor and push sends alternate in one schedule, so both meet the same machine state
// (on a shared 2-core box, measuring one after the other made whichever ran first look worse). The sockets live in a separate process (bench/lib/socket-swarm.ts) whose CPU is printed
// next to the server's: a saturated generator would make the figures about itself.
//
//   npx tsx bench/live-push.ts        BENCH_SOCKETS=100,1000,5000 BENCH_EVENTS=40
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase, seedDemo } from '@marketdesk/db';
import { configWith, createApp } from '../apps/api/src/index.js';
import { hashPassword } from '../apps/api/src/services/auth/passwords.js';
import { supportSla } from '../apps/api/src/services/sla/support-calendar.js';
import { createTestDatabase } from '../tests/fixtures/test-database.js';
import { cpuWatch, epochMs, fmt, ratio, sleepUntil, writeResults, type Percentiles } from './lib/measure.js';
import { benchLimits } from './lib/processes.js';

const sizes = (process.env.BENCH_SOCKETS ?? '100,1000,5000').split(',').map(Number);
const events = Number(process.env.BENCH_EVENTS ?? 40);
/** A work queue's room, as the console subscribes to it; the demo seed leaves one KYC check in it. */
const room = 'queue:kyc';
const origin = 'http://localhost:5173';
/** Spacing between consecutive sends (floor and push alternate, so each path sends every 2 × this); wider for big rooms: one event to 5,000 sockets is 5,000 frames to parse. */
const intervalFor = (n: number) => Number(process.env.BENCH_INTERVAL_MS ?? Math.max(50, Math.round(n / 20)));

async function post(base: string, path: string, body: unknown, cookie?: string) {
  const res = await fetch(`${base}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ json: body }) });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

function swarm(base: string, cookie: string, n: number): Promise<ChildProcess> {
  const child = fork(new URL('./lib/socket-swarm.ts', import.meta.url).pathname, [base, cookie, origin, String(n), room], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { type: string }) => (m.type === 'ready' ? resolve(child) : reject(new Error(String(m.type)))));
    child.once('exit', (code) => reject(new Error(`swarm exited ${code}`)));
  });
}

type Collected = Record<string, { latency: Percentiles; lost: number }>;
function collect(child: ChildProcess, groups: Record<string, Record<string, number>>): Promise<Collected> {
  return new Promise((resolve) => {
    child.once('message', (m: { groups: Collected }) => resolve(m.groups));
    child.send({ type: 'collect', groups });
  });
}

async function main() {
  const database = await createTestDatabase('bench_live');
  const migrated = await openDatabase({ databaseUrl: database.url, migrate: true });
  await seedDemo(migrated.orm.em.fork(), hashPassword, supportSla().calendar);
  await migrated.close();
  const app = await createApp(
    configWith({ PORT: '0', DATABASE_URL: database.url, REDIS_PREFIX: `mdbench_${randomBytes(3).toString('hex')}`, LOG_LEVEL: 'silent', ALLOWED_ORIGINS: origin, RUN_MIGRATIONS: 'false', OUTBOX_POLL_MS: '1000', DB_POOL_MAX: '10', ...benchLimits }),
  );
  const base = `http://127.0.0.1:${await app.listen()}`;
  const admin = await post(base, 'auth.login', { email: 'admin@marketdesk.test', password: 'marketdesk-demo' });
  // The item every push changes: an internal note on it goes to everyone watching the queue.
  const listed = await fetch(`${base}/trpc/queues.list?input=${encodeURIComponent(JSON.stringify({ json: { queue: 'kyc' } }))}`, { headers: { origin, cookie: admin.cookie! } });
  const itemId = ((await listed.json()) as { result: { data: { json: { items: { id: string }[] } } } }).result.data.json.items[0]!.id;

  const rows = [];
  for (const n of sizes) {
    const intervalMs = intervalFor(n);
    const child = await swarm(base, admin.cookie!, n);
    type Send = (key: string, i: number) => Promise<boolean> | void;
    /** One open-loop schedule; sends alternate between the given paths, so both see the same conditions. */
    const run = async (paths: Record<string, Send>, count: number) => {
      const names = Object.keys(paths);
      const intended: Record<string, Record<string, number>> = Object.fromEntries(names.map((p) => [p, {}]));
      const refused: Record<string, number> = Object.fromEntries(names.map((p) => [p, 0]));
      const sends: Promise<unknown>[] = [];
      const cpu = cpuWatch({ server: process.pid, generator: child.pid! });
      const start = performance.now() + 20;
      for (let i = 0; i < count * names.length; i++) {
        await sleepUntil(start + i * intervalMs);
        const path = names[i % names.length]!;
        const key = `${path}-${n}-${i}-${randomBytes(2).toString('hex')}`;
        intended[path]![key] = epochMs();
        // A mutation the API refused (e.g. 409) committed nothing: not a lost event, counted apart.
        sends.push(Promise.resolve(paths[path]!(key, i)).then((ok) => (ok === false ? (refused[path]!++, delete intended[path]![key]) : undefined)));
      }
      await Promise.all(sends);
      await new Promise((r) => setTimeout(r, 1500 + n / 2)); // let the tail arrive
      const usage = cpu();
      const groups = await collect(child, intended);
      return Object.fromEntries(names.map((p) => [p, { ...groups[p]!, refused: refused[p]!, cpu: usage }]));
    };
    const emit = (key: string) => void app.io.to(room).emit('event', { bench: key } as never);
    const mutate = async (key: string) => (await post(base, 'queues.addNote', { id: itemId, body: key }, admin.cookie)).status === 200;
    await run({ emit, mutate }, 10); // warm both paths: JIT, pools, plans, the generator's parser
    const measured = await run({ floor: emit, push: mutate }, events);
    const floor = measured.floor!;
    const push = measured.push!;
    child.send({ type: 'close' });
    const row = { sockets: n, events, intervalMs, floor, push, p99Ratio: ratio(push.latency.p99, floor.latency.p99), p50Ratio: ratio(push.latency.p50, floor.latency.p50) };
    rows.push(row);
    console.log(
      `sockets=${String(n).padStart(5)} every ${intervalMs} ms  floor p50/p95/p99/max ${fmt(floor.latency)} ms  push ${fmt(push.latency)} ms  p99 ×${row.p99Ratio}  lost ${floor.lost}/${push.lost}  refused ${push.refused}  CPU server ${push.cpu.server}% generator ${push.cpu.generator}%`,
    );
  }
  await app.close();
  await database.drop();
  writeResults('live-push', { room, eventsPerSize: events, note: 'push = tRPC queues.addNote on a KYC item → commit → outbox relay → Socket.IO queue:kyc room; floor = bare io.to(room).emit; latency from intended send time', results: rows });
}

await main();
process.exit(0);
