// `npm run build -w @marketdesk/console`, step one: the production server (server/prod-server.ts,
// with the shared packages/ui/server) compiled to dist/prod-server.js by the repository's one
// Node-program build (scripts/lib/build-node.mjs: esbuild, npm packages external), which starts
// from an empty dist/. Step two, `vite build`, writes the browser bundle to dist/client.
// `--outdir DIR` builds the server elsewhere (its tests).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildNodeProgram } from '../../scripts/lib/build-node.mjs';

const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const dir = dirname(fileURLToPath(import.meta.url));

await buildNodeProgram({
  name: 'console server',
  dir,
  entries: { 'prod-server': 'server/prod-server.ts' },
  ...(values.outdir ? { outdir: resolve(values.outdir) } : {}),
});
