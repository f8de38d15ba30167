// `npm start`: install if needed, then run the API, the worker, the console and the storefront with
// demo data. Embedded PostgreSQL (PGlite, in ./.data) unless DATABASE_URL is set.
import { ensureInstalled, ensureRedis, run, stopOnSignals, waitForUrl, bin, root } from './lib/processes.mjs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

ensureInstalled();
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
  run('stripe', bin('tsx'), [join(root, 'packages/stripe-local/src/cli.ts')], {
    env: { STRIPE_SERVER_PORT: stripePort, STRIPE_WEBHOOK_URL: `http://127.0.0.1:${apiPort}/webhooks/stripe`, STRIPE_WEBHOOK_SECRET: secret, STRIPE_AUTO_SETTLE_PAYOUTS_MS: '3000', STRIPE_FUND_PLATFORM_MINOR: '100000000' },
  });
  await waitForUrl(`http://127.0.0.1:${stripePort}/_test/health`, 60_000);
  Object.assign(apiEnv, { STRIPE_SECRET_KEY: 'sk_test_marketdesk_local', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: `http://127.0.0.1:${stripePort}` });
}
run('api', bin('tsx'), [join(root, 'apps/api/src/main.ts')], { env: apiEnv });
await waitForUrl(`http://127.0.0.1:${apiPort}/readyz`, 180_000);
if (!embedded) run('worker', bin('tsx'), [join(root, 'apps/api/src/worker.ts')], { env: { ...apiEnv, SEED_DEMO: 'false' } });
const viteEnv = { API_URL: `http://127.0.0.1:${apiPort}`, CONSOLE_PORT: consolePort, STOREFRONT_PORT: storefrontPort };
run('console', bin('vite'), [], { cwd: join(root, 'apps/console'), env: viteEnv });
run('storefront', bin('vite'), [], { cwd: join(root, 'apps/storefront'), env: viteEnv });
await Promise.all([waitForUrl(`${consoleUrl}/`), waitForUrl(`${storefrontUrl}/`)]);

// The demo accounts come from the seed's own data (db/src/seeds/demo-accounts.ts).
const accounts = spawnSync(bin('tsx'), [join(root, 'db/src/cli/demo-accounts.ts'), consoleUrl, storefrontUrl], { encoding: 'utf8' });
const indent = (text) => text.trimEnd().split('\n').map((line) => `    ${line}`).join('\n');

console.log(`
  Marketdesk is running${embedded ? ` (embedded PostgreSQL in ${process.env.PGLITE_DIR ?? './.data/pglite'}; jobs run inside the API)` : ''}
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
