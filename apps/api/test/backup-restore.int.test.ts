// db:backup then db:restore into a fresh database: the scripts exit 0 only when the restored ledger
// still balances and the row counts match the backup's manifest; a tampered ledger is caught.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from '@marketdesk/db';
import { paymentCaptured } from '@marketdesk/domain';
import { postTransfers } from '../src/services/ledger/post-transfers.js';
import { adminDatabaseUrl, createTestDatabase } from '../../../tests/fixtures/test-database.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'md-backup-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  rmSync(dir, { recursive: true, force: true });
});

const run = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });

it('backs up and restores with the ledger still summing to zero', async () => {
  const source = await createTestDatabase('backup_src');
  cleanups.push(source.drop);
  const db = await openDatabase({ databaseUrl: source.url, migrate: true });
  for (let i = 0; i < 10; i++) {
    const captured = paymentCaptured({ orderId: randomUUID(), paymentId: randomUUID(), sellerId: randomUUID(), currency: 'EUR', grossMinor: 1000 + i, feeMinor: 100 });
    await db.orm.em.fork().transactional((tx) => postTransfers(tx, captured.transfers, new Date()));
  }
  await db.close();

  const backup = run('db-backup.mjs', ['--out', dir], { DATABASE_URL: source.url });
  expect(backup.status, backup.stderr).toBe(0);
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.dump'))!);

  const target = new URL(adminDatabaseUrl);
  target.pathname = `/md_restored_${Date.now().toString(36)}`;
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: adminDatabaseUrl });
    await c.connect();
    await c.query(`drop database if exists ${target.pathname.slice(1)} with (force)`);
    await c.end();
  });
  const restore = run('db-restore.mjs', [file, '--target', target.toString(), '--create']);
  expect(restore.status, restore.stdout + restore.stderr).toBe(0);
  expect(restore.stdout).toContain('ledger sums to zero: yes');
  expect(restore.stdout).toContain('row counts match the backup manifest: yes');

  // A backup of books that do not balance restores, but the check fails loudly (exit 1).
  const c = new pg.Client({ connectionString: source.url });
  await c.connect();
  await c.query(`update ledger_accounts set debits_posted_minor = debits_posted_minor + 1 where code = (select min(code) from ledger_accounts)`);
  await c.end();
  rmSync(file);
  expect(run('db-backup.mjs', ['--out', dir], { DATABASE_URL: source.url }).status).toBe(0);
  const bad = join(dir, readdirSync(dir).find((f) => f.endsWith('.dump'))!);
  const check = run('db-restore.mjs', [bad, '--target', target.toString()]);
  expect(check.status).toBe(1);
  expect(check.stdout).toContain('ledger sums to zero: NO');
});
