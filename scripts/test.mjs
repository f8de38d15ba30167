// `npm test`: every test — typecheck, lint, unit and integration (Vitest against real PostgreSQL and
// Redis), then the browser tests (Playwright driving Debian's Chromium).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureInstalled, ensureRedis, portOpen, bin, root } from './lib/processes.mjs';

ensureInstalled();
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

const step = (title, command, args, cwd = root) => {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`✖ ${title} failed`);
    process.exit(r.status ?? 1);
  }
};
step('typecheck, lint, unit + integration tests', bin('turbo'), ['run', 'typecheck', 'lint', 'test', '--concurrency=2']);
step('browser tests (Playwright + Chromium)', bin('playwright'), ['test'], `${root}/tests`);
console.log('\n✔ all tests passed');
