// The storefront in production: `npm run build` compiles this file to dist/prod-server.js
// (build.mjs), the browser bundle to dist/client and the server renderer to
// dist/server/entry-server.js; `node dist/prod-server.js` (npm start) serves the bundle —
// compressed, cached by kind — and renders every page with the built renderer. The shared server
// (packages/ui/server) does the work; the API's paths go to the API through the reverse proxy, or
// through this server when PROXY_API=true.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readEnvOrExit, startAppServer } from '../../../packages/ui/server/index';
import type { render as Render } from '../src/entry-server';
import { readEnv } from './env';
import { storefrontPages } from './pages';

// This file runs as dist/prod-server.js, next to dist/client and dist/server.
const distDir = dirname(fileURLToPath(import.meta.url));
const env = readEnvOrExit('storefront', readEnv);
const template = await readFile(join(distDir, 'client', 'index.html'), 'utf8');
const { render } = (await import(pathToFileURL(join(distDir, 'server', 'entry-server.js')).href)) as { render: typeof Render };

await startAppServer({
  name: 'storefront',
  env,
  clientDir: join(distDir, 'client'),
  pages: storefrontPages(render, template, env),
});
