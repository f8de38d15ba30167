// A real process start with a bad configuration stops before opening anything, naming the variable;
// one given an embedded data folder it cannot read stops and says what to do with the folder.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));

it('refuses a bad configuration at start with exit code 78 and a clear message', () => {
  const r = spawnSync(tsx, [main], { env: { ...process.env, PORT: 'eighty', REDIS_URL: 'http://nope' }, encoding: 'utf8', timeout: 30_000 });
  expect(r.status).toBe(78);
  expect(r.stderr).toContain('Invalid configuration');
  expect(r.stderr).toContain('PORT: expected a port number (got "eighty")');
  expect(r.stderr).toContain('REDIS_URL: expected a redis:// URL');
});

it('refuses an embedded data folder made by another PostgreSQL major with exit code 78 and what to do', () => {
  // PGlite 0.3 (before MikroORM 7) wrote PostgreSQL 17 folders; its PG_VERSION is what tells them apart.
  const dir = mkdtempSync(join(tmpdir(), 'md-old-pglite-'));
  try {
    writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    const { DATABASE_URL: _serverMode, ...env } = process.env;
    const r = spawnSync(tsx, [main], { env: { ...env, PGLITE_DIR: dir, SEED_DEMO: 'true', PORT: '0' }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(78);
    expect(r.stderr).toContain(`The embedded database folder ${dir} was written by PostgreSQL 17`);
    expect(r.stderr).toContain(`rm -rf ${dir}`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
