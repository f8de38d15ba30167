// The stack the browser tests run against: a fresh PostgreSQL database, all four processes
// (API, worker, console, storefront) on their own ports, demo data seeded. Dropped on exit.
// E2E_BUILD=production runs the compiled build (`npm run build` first: node dist/…, the apps'
// production servers) — what `npm test` does; otherwise the development servers (tsx, Vite).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ensureRedis, onShutdown, run, stopOnSignals, waitForUrl, root } from './lib/processes.mjs';
import { appEnv, missingBuildOutputs, programs } from './lib/stack.mjs';

const require = createRequire(join(root, 'db', 'package.json'));
const pg = require('pg');
stopOnSignals();
const mode = process.env.E2E_BUILD === 'production' ? 'production' : 'development';
if (mode === 'production' && missingBuildOutputs().length) {
  console.error(`E2E_BUILD=production needs the compiled build (npm run build); missing:\n  ${missingBuildOutputs().join('\n  ')}`);
  process.exit(1);
}
const program = programs(mode);

const adminUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `md_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
onShutdown(async () => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
});
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
await ensureRedis(redisUrl);
// E2E_PORT_OFFSET moves the whole stack (two people can each run the browser tests on one machine).
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const ports = { api: String(3100 + offset), console: String(5273 + offset), storefront: String(5274 + offset), stripe: String(12211 + offset) };
const stripeSecret = 'whsec_marketdesk_e2e';
run('stripe', program.stripe.command, program.stripe.args, {
  env: { STRIPE_SERVER_PORT: ports.stripe, STRIPE_WEBHOOK_URL: `http://127.0.0.1:${ports.api}/webhooks/stripe`, STRIPE_WEBHOOK_SECRET: stripeSecret, STRIPE_AUTO_SETTLE_PAYOUTS_MS: '3000', STRIPE_FUND_PLATFORM_MINOR: '100000000' },
});
await waitForUrl(`http://127.0.0.1:${ports.stripe}/_test/health`, 60_000);
const env = {
  NODE_ENV: 'test',
  PORT: ports.api,
  DATABASE_URL: databaseUrl,
  REDIS_URL: redisUrl,
  REDIS_PREFIX: `mde2e_${randomBytes(4).toString('hex')}`,
  SEED_DEMO: 'true',
  ALLOWED_ORIGINS: `http://localhost:${ports.console},http://localhost:${ports.storefront}`,
  MAIL_DIR: join(root, '.data', 'e2e-mail'),
  OUTBOX_POLL_MS: '250',
  STRIPE_SECRET_KEY: 'sk_test_marketdesk_e2e',
  STRIPE_WEBHOOK_SECRET: stripeSecret,
  STRIPE_API_BASE: `http://127.0.0.1:${ports.stripe}`,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  // Every spec signs in from 127.0.0.1; the limits themselves are covered by hardening.int.test.ts.
  RATE_LIMIT_AUTH_PER_IP: '1000000',
  RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
  // Emailed links (verification, password reset) point at this stack's apps.
  STOREFRONT_URL: `http://localhost:${ports.storefront}`,
  CONSOLE_URL: `http://localhost:${ports.console}`,
};
run('api', program.api.command, program.api.args, { env });
await waitForUrl(`http://127.0.0.1:${ports.api}/readyz`);
run('worker', program.worker.command, program.worker.args, { env: { ...env, SEED_DEMO: 'false' } });
const apps = appEnv(mode, { apiUrl: `http://127.0.0.1:${ports.api}`, consolePort: ports.console, storefrontPort: ports.storefront });
// No hot reload in development mode either: a file saved while browser tests run reloads nothing.
for (const name of ['console', 'storefront']) run(name, program[name].command, program[name].args, { cwd: program[name].cwd, env: { ...apps[name], VITE_HMR: 'off' } });
await Promise.all([waitForUrl(`http://localhost:${ports.console}/`), waitForUrl(`http://localhost:${ports.storefront}/`)]);
console.log(`e2e stack ready (${mode === 'production' ? 'compiled build' : 'development servers'}, Node ${process.version})`);
