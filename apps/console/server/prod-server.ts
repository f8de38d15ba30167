// The console in production: `npm run build` compiles this file to dist/prod-server.js (build.mjs)
// and the browser bundle to dist/client; `node dist/prod-server.js` (npm start) serves the bundle —
// compressed, cached by kind — and index.html for every app route (a single-page app). The shared
// server (packages/ui/server) does the work; the API's paths go to the API through the reverse
// proxy, or through this server when PROXY_API=true.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnvOrExit, startAppServer } from '../../../packages/ui/server/index';
import { readEnv } from './env';

// This file runs as dist/prod-server.js, next to dist/client.
const distDir = dirname(fileURLToPath(import.meta.url));

await startAppServer({
  name: 'console',
  env: readEnvOrExit('console', readEnv),
  clientDir: join(distDir, 'client'),
  pages: { kind: 'spa' },
});
