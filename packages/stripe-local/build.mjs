// `npm run build -w @marketdesk/stripe-local`: the Stripe-compatible test server compiled to
// dist/cli.js (scripts/lib/build-node.mjs), for runs of the compiled build.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeProgram } from '../../scripts/lib/build-node.mjs';

await buildNodeProgram({ name: 'stripe-local', dir: dirname(fileURLToPath(import.meta.url)), entries: { cli: 'src/cli.ts' } });
