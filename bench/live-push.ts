// Live push latency: a committed outbox event → received by every socket in the room.
// Floor: a bare Socket.IO `io.to(room).emit` of the same payload to the same sockets, same run.
// Open-loop: events are sent on a fixed schedule and latency counts from the intended send time,
// so a stall shows up in the tail instead of being hidden. Sockets, relay and server share one
// Node process here (2-core machine), so both figures include client-side cost; compare the ratio.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import { openDatabase, seedDemo } from '@marketdesk/db';
import { configWith, createApp } from '../apps/api/src/index.js';
import { recordEvent } from '../apps/api/src/services/outbox/record-event.js';
import { hashPassword } from '../apps/api/src/services/auth/passwords.js';
import { createTestDatabase } from '../tests/fixtures/test-database.js';

const sizes = (process.env.BENCH_SOCKETS ?? '100,1000').split(',').map(Number);
const events = Number(process.env.BENCH_EVENTS ?? 50);
const intervalMs = Number(process.env.BENCH_INTERVAL_MS ?? 40);

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
  return { p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1] ?? NaN, n: s.length };
}

async function main() {
  const database = await createTestDatabase('bench');
  const migrated = await openDatabase({ databaseUrl: database.url, migrate: true });
  await seedDemo(migrated.orm.em.fork(), hashPassword);
  await migrated.close();
  const origin = 'http://localhost:5173';
  const app = await createApp(
    configWith({ PORT: '0', DATABASE_URL: database.url, REDIS_PREFIX: `mdbench_${randomBytes(3).toString('hex')}`, LOG_LEVEL: 'silent', ALLOWED_ORIGINS: origin, RUN_MIGRATIONS: 'false', OUTBOX_POLL_MS: '1000' }),
  );
  const port = await app.listen();
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ json: { email: 'admin@marketdesk.test', password: 'marketdesk-demo' } }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const results: Record<string, unknown>[] = [];
  // Warm up the JIT, the pool and the relay so the first size is not charged for them.
  for (let i = 0; i < 30; i++) {
    await app.db.orm.em.fork().transactional((tx) =>
      recordEvent(tx, { stream: 'bench:warmup', name: 'user.profile.updated', payload: { userId: 'bench', displayName: `w${i}`, previousDisplayName: 'x' }, rooms: ['team:all'], actorId: null, now: new Date() }),
    );
  }
  await app.relay.drain();

  for (const n of sizes) {
    const sockets: Socket[] = [];
    for (let i = 0; i < n; i++) sockets.push(connect(base, { transports: ['websocket'], extraHeaders: { cookie, origin }, reconnection: false }));
    await Promise.all(sockets.map((s) => new Promise<void>((r) => (s.connected ? r() : s.once('connect', () => r())))));
    await Promise.all(sockets.map((s) => new Promise((r) => s.emit('subscribe', 'team:all', r))));

    const measure = async (send: (i: number, label: string) => Promise<void>, label: string) => {
      const samples: number[] = [];
      const pending = new Map<string, { intended: number; left: number }>();
      const onEvent = (e: { payload?: { displayName?: string } } & { bench?: string }) => {
        const key = e.bench ?? e.payload?.displayName;
        const entry = key ? pending.get(key) : undefined;
        if (!entry) return;
        samples.push(performance.now() - entry.intended);
        if (--entry.left === 0) pending.delete(key!);
      };
      for (const s of sockets) s.on('event', onEvent);
      const start = performance.now() + 50;
      for (let i = 0; i < events; i++) {
        const intended = start + i * intervalMs;
        const wait = intended - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const key = `${label}-${n}-${i}`;
        pending.set(key, { intended, left: n });
        await send(i, key);
      }
      const until = performance.now() + 15_000;
      while (pending.size && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
      for (const s of sockets) s.off('event', onEvent);
      return { ...percentiles(samples), lost: [...pending.values()].reduce((a, p) => a + p.left, 0) };
    };

    const floor = await measure(async (_i, key) => {
      app.io.to('team:all').emit('event', { bench: key } as never);
    }, 'floor');
    const outbox = await measure(async (_i, key) => {
      await app.db.orm.em.fork().transactional((tx) =>
        recordEvent(tx, { stream: 'bench:live', name: 'user.profile.updated', payload: { userId: 'bench', displayName: key, previousDisplayName: 'x' }, rooms: ['team:all'], actorId: null, now: new Date() }),
      );
    }, 'outbox');
    for (const s of sockets) s.close();
    const row = { sockets: n, events, intervalMs, floor, outbox, p95Ratio: +(outbox.p95 / floor.p95).toFixed(2) };
    results.push(row);
    console.log(
      `sockets=${String(n).padStart(5)}  floor p50/p95/p99/max ms = ${[floor.p50, floor.p95, floor.p99, floor.max].map((x) => x.toFixed(1)).join('/')}` +
        `  outbox = ${[outbox.p50, outbox.p95, outbox.p99, outbox.max].map((x) => x.toFixed(1)).join('/')}  p95 ratio ×${row.p95Ratio}  lost=${outbox.lost + floor.lost}`,
    );
  }
  await app.close();
  await database.drop();
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/live-push-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ benchmark: 'live-push', cpuCount: (await import('node:os')).cpus().length, results }, null, 2));
  console.log(`wrote ${file}`);
}

await main();
process.exit(0);
