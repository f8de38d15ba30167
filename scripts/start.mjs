// `npm start`: install if needed, then run the API, the worker, the console and the storefront with
// demo data — development servers (tsx, Vite). `npm run start:prod` (`--production`) builds, then
// runs the compiled build the same way: `node dist/…` for every process, the apps' production
// servers. Embedded PostgreSQL (PGlite, in ./.data) unless DATABASE_URL is set.
import { usePinnedNode } from './lib/node-runtime.mjs';
import { ensureRedis, run, stopOnSignals, waitForUrl, bin, root } from './lib/processes.mjs';
import { appEnv, programs } from './lib/stack.mjs';
import { spawnSync } from 'node:child_process';

await usePinnedNode();
const mode = process.argv.includes('--production') ? 'production' : 'development';
if (mode === 'production') {
  console.log('Building (npm run build)…');
  const built = spawnSync(bin('turbo'), ['run', 'build', '--output-logs=errors-only'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const program = programs(mode);
stopOnSignals();
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
await ensureRedis(redisUrl);

const apiPort = process.env.PORT ?? '3000';
const consolePort = process.env.CONSOLE_PORT ?? '5173';
const storefrontPort = process.env.STOREFRONT_PORT ?? '5174';
const embedded = !process.env.DATABASE_URL;
const consoleUrl = `http://localhost:${consolePort}`;
const storefrontUrl = `http://localhost:${storefrontPort}`;
const apiEnv = {
  PORT: apiPort,
  REDIS_URL: redisUrl,
  SEED_DEMO: 'true',
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `${consoleUrl},${storefrontUrl}`,
  // Emailed links, and each app's own session cookie (the API tells the apps apart by these hosts).
  CONSOLE_URL: process.env.CONSOLE_URL ?? consoleUrl,
  STOREFRONT_URL: process.env.STOREFRONT_URL ?? storefrontUrl,
  // Warnings and errors only, so this window stays readable; LOG_LEVEL=info shows every request.
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // One process owns an embedded database, so the jobs run inside the API there.
  WORKER_IN_PROCESS: embedded ? 'true' : 'false',
  LOG_PRETTY: process.env.LOG_PRETTY ?? 'true',
};

// Payments: real Stripe when keys are configured; otherwise the built-in Stripe-compatible test
// server (packages/stripe-local), driven by the same SDK, so checkout works offline end to end.
const localStripe = !process.env.STRIPE_SECRET_KEY;
if (localStripe) {
  const stripePort = process.env.STRIPE_SERVER_PORT ?? '12111';
  const secret = 'whsec_marketdesk_local';
  run('stripe', program.stripe.command, program.stripe.args, {
    env: { STRIPE_SERVER_PORT: stripePort, STRIPE_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/webhooks/stripe`, STRIPE_WEBHOOK_SECRET: secret, STRIPE_AUTO_SETTLE_PAYOUTS_MS: '3000', STRIPE_FUND_PLATFORM_MINOR: '100000000' },
  });
  await waitForUrl(`http://127.0.0.1:${stripePort}/_test/health`, 60_000);
  Object.assign(apiEnv, { STRIPE_SECRET_KEY: 'sk_test_marketdesk_local', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: `http://127.0.0.1:${stripePort}` });
}
run('api', program.api.command, program.api.args, { env: apiEnv });
await waitForUrl(`http://127.0.0.1:${apiPort}/readyz`, 180_000);
if (!embedded) run('worker', program.worker.command, program.worker.args, { env: { ...apiEnv, SEED_DEMO: 'false' } });
const apps = appEnv(mode, { apiUrl: `http://127.0.0.1:${apiPort}`, consolePort, storefrontPort });
for (const name of ['console', 'storefront']) run(name, program[name].command, program[name].args, { cwd: program[name].cwd, env: apps[name] });
await Promise.all([waitForUrl(`${consoleUrl}/`), waitForUrl(`${storefrontUrl}/`)]);

// The demo accounts come from the seed's own data (db/src/seeds/demo-accounts.ts).
const accounts = spawnSync(program.demoAccounts.command, [...program.demoAccounts.args, consoleUrl, storefrontUrl], { encoding: 'utf8' });
const indent = (text) => text.trimEnd().split('\n').map((line) => `    ${line}`).join('\n');

console.log(`
  Marketdesk is running${mode === 'production' ? ' — the compiled build (node dist/…, production bundles)' : ''}${embedded ? ` (embedded PostgreSQL in ${process.env.PGLITE_DIR ?? './.data/pglite'}; jobs run inside the API)` : ''}
    Console     ${consoleUrl}   (job queues: ${consoleUrl}/admin/queues, admins only)
    Storefront  ${storefrontUrl}
    API         http://127.0.0.1:${apiPort}  (/healthz, /readyz, /trpc, /socket.io)
    Sent mail   ./.data/mail/*.eml
    Payments    ${localStripe ? 'built-in Stripe test server (pay with the test cards on the checkout page)' : 'Stripe (STRIPE_SECRET_KEY)'}
    Logs        ${apiEnv.LOG_LEVEL === 'warn' ? 'warnings and errors (LOG_LEVEL=info npm start shows every request)' : `LOG_LEVEL=${apiEnv.LOG_LEVEL}`}

  Demo accounts — one browser can be signed in to the console and the storefront at once
${accounts.status === 0 ? indent(accounts.stdout) : '    (could not list them: see db/src/seeds/demo-data.ts; password marketdesk-demo)'}

  The demo starts with open work in every staff queue — submissions, listing review, KYC review,
  order review, payouts, disputes: sign in to the console as Dana Admin to see it.

  Ctrl-C stops everything.
`);
