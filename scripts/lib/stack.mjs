// The processes of a whole Marketdesk on one machine — the Stripe-compatible test server, API,
// worker, console, storefront — as `npm start` (development: tsx and Vite dev servers) and
// `npm run start:prod` / the browser tests (the compiled build: `node dist/…` only) start them.
// One place, so the two modes cannot drift apart.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bin, root } from './processes.mjs';

/** Node flags for every compiled program: stack traces in TypeScript terms. */
const nodeFlags = ['--enable-source-maps'];
const compiled = (file) => ({ command: process.execPath, args: [...nodeFlags, join(root, file)] });

/** @param {'development' | 'production'} mode */
export function programs(mode) {
  if (mode === 'production') {
    return {
      stripe: compiled('packages/stripe-local/dist/cli.js'),
      api: compiled('apps/api/dist/main.js'),
      worker: compiled('apps/api/dist/worker.js'),
      console: compiled('apps/console/dist/prod-server.js'),
      storefront: compiled('apps/storefront/dist/prod-server.js'),
      demoAccounts: compiled('apps/api/dist/cli/demo-accounts.js'),
    };
  }
  return {
    stripe: { command: bin('tsx'), args: [join(root, 'packages/stripe-local/src/cli.ts')] },
    api: { command: bin('tsx'), args: [join(root, 'apps/api/src/main.ts')] },
    worker: { command: bin('tsx'), args: [join(root, 'apps/api/src/worker.ts')] },
    console: { command: bin('vite'), args: [], cwd: join(root, 'apps/console') },
    storefront: { command: bin('vite'), args: [], cwd: join(root, 'apps/storefront') },
    demoAccounts: { command: bin('tsx'), args: [join(root, 'db/src/cli/demo-accounts.ts')] },
  };
}

/** Environment of the two app servers: Vite's dev servers, or the compiled production servers. */
export function appEnv(mode, { apiUrl, consolePort, storefrontPort }) {
  if (mode === 'production') {
    // No reverse proxy on a developer's machine: the app servers forward the API's paths themselves.
    const common = { API_URL: apiUrl, PROXY_API: 'true', HOST: '127.0.0.1' };
    return { console: { ...common, PORT: consolePort }, storefront: { ...common, PORT: storefrontPort } };
  }
  const vite = { API_URL: apiUrl, CONSOLE_PORT: consolePort, STOREFRONT_PORT: storefrontPort };
  return { console: vite, storefront: vite };
}

/** The compiled build's files, to tell "run npm run build first" apart from a broken build. */
export function missingBuildOutputs() {
  return Object.values(programs('production'))
    .map((p) => p.args.at(-1))
    .filter((file) => !existsSync(file));
}
