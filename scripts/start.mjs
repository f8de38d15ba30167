// `npm start`: install if needed, then run the API, the worker, the console and the storefront with
// demo data. Embedded PostgreSQL (PGlite, in ./.data) unless DATABASE_URL is set.
import { ensureInstalled, ensureRedis, run, stopOnSignals, waitForUrl, bin, root } from './lib/processes.mjs';
import { join } from 'node:path';

ensureInstalled();
stopOnSignals();
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
await ensureRedis(redisUrl);

const apiPort = process.env.PORT ?? '3000';
const consolePort = process.env.CONSOLE_PORT ?? '5173';
const storefrontPort = process.env.STOREFRONT_PORT ?? '5174';
const embedded = !process.env.DATABASE_URL;
const apiEnv = {
  PORT: apiPort,
  REDIS_URL: redisUrl,
  SEED_DEMO: 'true',
  ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS ?? `http://localhost:${consolePort},http://localhost:${storefrontPort}`,
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
await Promise.all([waitForUrl(`http://localhost:${consolePort}/`), waitForUrl(`http://localhost:${storefrontPort}/`)]);

console.log(`
  Marketdesk is running${embedded ? ' (embedded PostgreSQL in ./.data/pglite; jobs run inside the API)' : ''}
    Console     http://localhost:${consolePort}
    Storefront  http://localhost:${storefrontPort}
    API         http://127.0.0.1:${apiPort}  (/healthz, /readyz, /trpc, /socket.io)
    Sent mail   ./.data/mail/*.eml
    Payments    ${localStripe ? 'built-in Stripe test server (pay with the test cards on the checkout page)' : 'Stripe (STRIPE_SECRET_KEY)'}

  Demo logins (password: marketdesk-demo)
    admin@marketdesk.test           admin + agent
    agent1@ / agent2@marketdesk.test  agents
    seller1@ … seller3@marketdesk.test sellers
    buyer1@ … buyer5@marketdesk.test   buyers

  Ctrl-C stops everything.
`);
