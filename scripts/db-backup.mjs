// `npm run db:backup [-- --out DIR]`: a consistent logical backup of DATABASE_URL with pg_dump
// (custom format: compressed, restorable table by table, in parallel). Beside the dump goes a
// manifest with row counts and the ledger totals at backup time, which db:restore checks against.
// pg_dump reads one snapshot, so the dump is consistent while the app keeps writing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ledgerSnapshot } from './lib/ledger-check.mjs';

const args = process.argv.slice(2);
const arg = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const databaseUrl = arg('--url') ?? process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('Set DATABASE_URL (or pass --url postgres://…) to the database to back up.');
  process.exit(78);
}
const outDir = resolve(arg('--out') ?? process.env.BACKUP_DIR ?? 'backups');
mkdirSync(outDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
const file = join(outDir, `marketdesk-${stamp}.dump`);

const started = Date.now();
const before = await ledgerSnapshot(databaseUrl);
const r = spawnSync('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file, databaseUrl], { stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status !== 0) {
  console.error(`pg_dump failed (exit ${r.status}).`);
  process.exit(r.status ?? 1);
}
writeFileSync(`${file}.json`, JSON.stringify({ file, takenAt: new Date().toISOString(), ...before }, null, 2));
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`backup written: ${file} (${(statSync(file).size / 1024 / 1024).toFixed(2)} MB in ${seconds} s)`);
console.log(`  rows: ${Object.entries(before.counts).map(([t, n]) => `${t}=${n}`).join(' ')}`);
console.log(`  ledger at backup: ${before.balanced ? 'balanced' : 'NOT BALANCED'} (${before.ledger.map((c) => c.currency).join(', ') || 'no accounts'})`);
