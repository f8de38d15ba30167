// `npm run build -w @marketdesk/api`: the API, the worker and the admin CLI compiled to plain
// JavaScript in dist/ (scripts/lib/build-node.mjs says how and why), started with
// `node --enable-source-maps dist/main.js` — no TypeScript at run time.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeProgram } from '../../scripts/lib/build-node.mjs';

await buildNodeProgram({
  name: 'api',
  dir: dirname(fileURLToPath(import.meta.url)),
  entries: {
    main: 'src/main.ts',
    worker: 'src/worker.ts',
    'cli/admin-create': 'src/cli/admin-create.ts',
    // The demo seed's accounts, printed by `npm run start:prod`.
    'cli/demo-accounts': '../../db/src/cli/demo-accounts.ts',
  },
});
