// `node scripts/install.mjs`: `npm ci` with npm running on the Node release pinned in .nvmrc (fetched
// from the npm registry when the system Node is older), so engine checks and install scripts see
// the Node every process will run on. `.ci/run` uses it; `npm start` and `npm test` do the same
// when node_modules is missing.
import { installDependencies } from './lib/node-runtime.mjs';

installDependencies();
