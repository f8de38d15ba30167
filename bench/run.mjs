// `npm run bench`: runs every benchmark in bench/ one after another (each also runs alone with
// `npx tsx bench/<name>.ts`). Figures are printed as tables and written to bench/results/*.json.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv[2];
for (const file of readdirSync(here).filter((f) => f.endsWith('.ts') && (!only || f.startsWith(only)))) {
  console.log(`\n== ${file}`);
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(here, file)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
