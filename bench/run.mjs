// `npm run bench`: runs every benchmark in bench/ one after another (each also runs alone with
// `npx tsx bench/<name>.ts`; `npm run bench -- <prefix>` runs the matching ones). Each prints a
// table and writes JSON to bench/results/ (<name>-<time>.json and <name>-latest.json); this runner
// closes with the headline figures the README quotes.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv[2];
console.log(`Node ${process.version} (${process.execPath})`);
const started = Date.now();
for (const file of readdirSync(here).filter((f) => f.endsWith('.ts') && (!only || f.startsWith(only)))) {
  console.log(`\n== ${file}`);
  const t0 = Date.now();
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(here, file)], { cwd: root, stdio: 'inherit' });
  console.log(`   (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const latest = (name) => {
  const file = join(here, 'results', `${name}-latest.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
};
const lines = [];
const live = latest('live-push')?.results?.find((r) => r.sockets === 1000);
if (live) lines.push(`live push @1,000 sockets: p99 ${live.push.latency.p99} ms (bare emit ${live.floor.latency.p99} ms, ×${live.p99Ratio}), lost ${live.push.lost}`);
const checkout = latest('checkout');
if (checkout) lines.push(`checkout: ${checkout.large.ordersPerSecond} orders/s large stock, ${checkout.small.ordersPerSecond} small (p95 ${checkout.large.latency.p95} ms); SQL floor ×${checkout.floorOverApi.large} faster; oversell: ${checkout.oversell.ok ? 'zero' : 'FOUND'}`);
const read = latest('api-read')?.results?.filter((r) => r.connections === 200);
for (const r of read ?? []) lines.push(`API read @200 conns: ${r.name} p95 ${r.latency.p95} ms, ${r.requestsPerSecond} req/s`);
const ledger = latest('ledger');
if (ledger) lines.push(`ledger: ${Math.round(ledger.ledger.perSecond * ledger.transfersPerFlow)} transfers/s (bare SQL ×${ledger.floorOverLedger}); balances from ${ledger.balancesFromPostings.postings} postings in ${ledger.balancesFromPostings.ms} ms`);
const startup = latest('startup');
if (startup) lines.push(`startup: api ${startup.api.ms} ms to /readyz (RSS ${startup.api.idleRss} → ${startup.api.loadRss} MB), worker ${startup.worker.ms} ms (RSS ${startup.worker.idleRss} → ${startup.worker.loadRss} MB)`);
if (!only) {
  console.log(`\n== headline figures (all benchmarks in ${((Date.now() - started) / 60000).toFixed(1)} min)`);
  for (const l of lines) console.log(`  ${l}`);
}
