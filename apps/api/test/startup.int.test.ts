// A real process start with a bad configuration stops before opening anything, naming the variable.
import { spawnSync } from 'node:child_process';
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
