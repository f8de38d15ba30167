// `npm test`: every test — typecheck, lint, unit and integration (Vitest against real PostgreSQL and
// Redis), the fault tests, the production build, then the browser tests (Playwright driving
// Debian's Chromium) against that compiled build.
import { usePinnedNode } from './lib/node-runtime.mjs';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureRedis, portOpen, bin, root } from './lib/processes.mjs';

await usePinnedNode();
const pgUrl = new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
if (!(await portOpen(pgUrl.hostname, Number(pgUrl.port || 5432)))) {
  console.error(`Tests need PostgreSQL at ${pgUrl.host} (set TEST_PG_URL), e.g. docker compose up -d postgres`);
  process.exit(1);
}
await ensureRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Browser tests need Chromium at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

// Counted from the runners' own summaries, for one closing line over every suite.
const totals = { passed: 0, failed: 0, skipped: 0 };
const count = (text) => {
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '');
  for (const line of plain.split('\n')) {
    const vitest = line.match(/^(?:\S+:\s+)?\s*Tests\s+(.*)\(\d+\)\s*$/);
    const playwright = line.match(/^\s+(\d+) (passed|failed|skipped|flaky)(?: \([\d.]+m?s\))?\s*$/);
    if (vitest) for (const [, n, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped)/g)) totals[kind] += Number(n);
    else if (playwright) totals[playwright[2] === 'flaky' ? 'passed' : playwright[2]] += Number(playwright[1]);
  }
};

const step = (title, command, args, cwd = root, env = {}) =>
  new Promise((resolve) => {
    console.log(`\n▶ ${title}`);
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { process.stdout.write(d); out += d; });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('exit', (code) => {
      count(out);
      if (code !== 0) {
        console.error(`✖ ${title} failed`);
        console.log(`\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
        process.exit(code ?? 1);
      }
      resolve();
    });
  });
await step('typecheck, lint, unit + integration tests', bin('turbo'), ['run', 'typecheck', 'lint', 'test', '--concurrency=2']);
// Fault injection: kill -9 of a worker and of the outbox relay, Redis and PostgreSQL restarts
// (private servers on spare ports, never the shared ones).
await step('fault tests (npm run test:faults)', bin('vitest'), ['run', '--config', 'vitest.faults.config.ts'], `${root}/apps/api`);
await step('production build (npm run build)', bin('turbo'), ['run', 'build', '--output-logs=errors-only']);
await step('browser tests (Playwright + Chromium, against the compiled build)', bin('playwright'), ['test'], `${root}/tests`, { E2E_BUILD: 'production' });
console.log('\n✔ all tests passed');
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
