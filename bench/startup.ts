// Startup and memory of the compiled build, started as production starts it (`node dist/main.js`,
// `node dist/worker.js`; built first): cold start of the API process to its first `/readyz` 200
// (config, PostgreSQL pool, Redis, Fastify, Socket.IO, relay), and of the worker to its health
// endpoint; resident memory idle and under load (API: autocannon on catalog.search; worker: a burst
// of real jobs). Floor: a bare `node` HTTP server started the same way and measured the same way.
//
//   npx tsx bench/startup.ts      BENCH_STARTS=3 BENCH_JOBS=2000
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { openDatabase } from '@marketdesk/db';
import { createTestDatabase } from '../tests/fixtures/test-database.js';
import { ratio, rssMb, writeResults } from './lib/measure.js';
import { benchLimits, buildApi, freePort, spawnCompiled, stopChild, waitFor } from './lib/processes.js';

const starts = Number(process.env.BENCH_STARTS ?? 3);
const jobs = Number(process.env.BENCH_JOBS ?? 2000);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Peak RSS of a process while `during` runs, sampled every 100 ms. */
async function peakRss(pid: number, during: () => Promise<unknown>) {
  let peak = rssMb(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);
  await during();
  clearInterval(timer);
  return Math.max(peak, rssMb(pid));
}

async function main() {
  buildApi();
  const database = await createTestDatabase('bench_startup');
  const migrated = await openDatabase({ databaseUrl: database.url, migrate: true });
  await migrated.close();
  const prefix = `mdbench_${randomBytes(3).toString('hex')}`;
  const env = { DATABASE_URL: database.url, REDIS_URL: redisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: 'error', RUN_MIGRATIONS: 'false', HOST: '127.0.0.1', ...benchLimits };

  const floorStarts: number[] = [];
  let floorRss = 0;
  for (let i = 0; i < starts; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`], { stdio: 'ignore' });
    await waitFor(`http://127.0.0.1:${port}/`, child);
    floorStarts.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 500));
    floorRss = rssMb(child.pid!);
    await stopChild(child);
  }

  const apiStarts: number[] = [];
  let api = { idleRss: 0, loadRss: 0, requestsPerSecond: 0 };
  for (let i = 0; i < starts; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawnCompiled('apps/api/dist/main.js', { ...env, PORT: String(port) });
    const url = `http://127.0.0.1:${port}`;
    await waitFor(`${url}/readyz`, child);
    apiStarts.push(performance.now() - t0);
    if (i === starts - 1) {
      await new Promise((r) => setTimeout(r, 3000));
      const idleRss = rssMb(child.pid!);
      let rps = 0;
      const loadRss = await peakRss(child.pid!, async () => {
        const r = await autocannon({ url: `${url}/trpc/catalog.search?input=${encodeURIComponent(JSON.stringify({ json: { q: 'blue' } }))}`, connections: 50, duration: 5 });
        rps = Math.round(r.requests.average);
      });
      api = { idleRss, loadRss, requestsPerSecond: rps };
    }
    await stopChild(child);
  }

  const workerStarts: number[] = [];
  let worker = { idleRss: 0, loadRss: 0, jobsPerSecond: 0 };
  for (let i = 0; i < starts; i++) {
    const port = await freePort();
    const t0 = performance.now();
    const child = spawnCompiled('apps/api/dist/worker.js', { ...env, WORKER_METRICS_PORT: String(port) });
    await waitFor(`http://127.0.0.1:${port}/healthz`, child);
    workerStarts.push(performance.now() - t0);
    if (i === starts - 1) {
      await new Promise((r) => setTimeout(r, 3000));
      const idleRss = rssMb(child.pid!);
      const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
      const queue = new Queue('mail', { connection, prefix: `${prefix}:bull` });
      const t1 = performance.now();
      // Real welcome-mail jobs for users that do not exist: each loads its dedupe record and the
      // user from PostgreSQL and stops — a cheap but complete job run.
      await queue.addBulk(Array.from({ length: jobs }, () => ({ name: 'mail.welcome', data: { userId: randomUUID() }, opts: { removeOnComplete: true } })));
      const loadRss = await peakRss(child.pid!, async () => {
        while ((await queue.getJobCounts('waiting', 'active')).waiting + (await queue.getJobCounts('active')).active > 0) await new Promise((r) => setTimeout(r, 100));
      });
      worker = { idleRss, loadRss, jobsPerSecond: Math.round(jobs / ((performance.now() - t1) / 1000)) };
      await queue.obliterate({ force: true }).catch(() => {});
      await queue.close();
      connection.disconnect();
    }
    await stopChild(child);
  }
  await database.drop();

  const floorMs = median(floorStarts);
  const apiMs = median(apiStarts);
  const workerMs = median(workerStarts);
  console.log(`median of ${starts} cold starts (process spawn → first healthy answer)`);
  console.log(`  floor: bare node http server  ${floorMs.toFixed(0).padStart(6)} ms   RSS ${floorRss} MB`);
  console.log(`  api → /readyz 200             ${apiMs.toFixed(0).padStart(6)} ms   ×${ratio(apiMs, floorMs)}   RSS idle ${api.idleRss} MB, under load ${api.loadRss} MB (${api.requestsPerSecond} req/s search, 50 conns)`);
  console.log(`  worker → ready                ${workerMs.toFixed(0).padStart(6)} ms   ×${ratio(workerMs, floorMs)}   RSS idle ${worker.idleRss} MB, under load ${worker.loadRss} MB (${jobs} jobs at ${worker.jobsPerSecond} jobs/s)`);
  writeResults('startup', { starts, floor: { ms: +floorMs.toFixed(0), rssMb: floorRss, all: floorStarts.map(Math.round) }, api: { ms: +apiMs.toFixed(0), all: apiStarts.map(Math.round), ...api, overFloor: ratio(apiMs, floorMs) }, worker: { ms: +workerMs.toFixed(0), all: workerStarts.map(Math.round), ...worker, jobs, overFloor: ratio(workerMs, floorMs) } });
}

await main();
process.exit(0);
