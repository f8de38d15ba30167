// `npm run db:restore -- <file.dump> [--target postgres://…] [--create]`: restores a db:backup dump
// with pg_restore into the target (DATABASE_URL by default; --create makes the database first),
// replacing what is there, then proves the restore: the ledger still balances (debits = credits
// per currency, the sum of all balances is zero) and row counts match the backup's manifest.
// Stop the API and workers first (or point --target at a fresh database and switch over).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { ledgerSnapshot } from './lib/ledger-check.mjs';

const args = process.argv.slice(2);
const arg = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const file = args.find((a, i) => !a.startsWith('--') && !['--target'].includes(args[i - 1]));
const target = arg('--target') ?? process.env.DATABASE_URL;
if (!file || !existsSync(file) || !target) {
  console.error('Usage: npm run db:restore -- <backup.dump> [--target postgres://…] [--create]   (target defaults to DATABASE_URL)');
  process.exit(78);
}

const started = Date.now();
if (args.includes('--create')) {
  const url = new URL(target);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!exists.rowCount) await admin.query(`create database "${name.replace(/"/g, '""')}"`);
  await admin.end();
}
const jobs = String(Math.max(1, Math.min(4, os.cpus().length)));
const r = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--exit-on-error', '--jobs', jobs, '--dbname', target, file], { stdio: ['ignore', 'inherit', 'inherit'] });
if (r.status !== 0) {
  console.error(`pg_restore failed (exit ${r.status}).`);
  process.exit(r.status ?? 1);
}
const after = await ledgerSnapshot(target);
const manifest = existsSync(`${file}.json`) ? JSON.parse(readFileSync(`${file}.json`, 'utf8')) : null;
const mismatched = manifest ? Object.entries(manifest.counts).filter(([t, n]) => after.counts[t] !== n) : [];
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`restored ${file} into ${new URL(target).pathname.slice(1)} in ${seconds} s`);
for (const c of after.ledger) console.log(`  ${c.currency}: debits ${c.debitsPosted} = credits ${c.creditsPosted} (pending ${c.debitsPending} = ${c.creditsPending}) ${c.balanced ? '✔' : '✖'}`);
console.log(`  ledger sums to zero: ${after.balanced ? 'yes' : 'NO'}`);
if (manifest) console.log(`  row counts match the backup manifest: ${mismatched.length ? `NO (${mismatched.map(([t]) => t).join(', ')})` : 'yes'}`);
process.exit(after.balanced && mismatched.length === 0 ? 0 : 1);
