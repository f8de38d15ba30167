// `npm run admin:create` as an operator runs it: a child process against a fresh database (which it
// migrates), the password on stdin or in ADMIN_PASSWORD, run twice. The admin it makes signs in
// through auth.login; the password never shows in the output.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/fixtures/test-database.js';
import { client, registerUser, startApi, type RunningApi } from './harness.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const password = 'correct horse battery staple';

interface Run {
  code: number | null;
  output: string;
}

/** Runs the root script the README documents, with only the environment given (no inherited ADMIN_PASSWORD). */
function adminCreate(args: string[], opts: { stdin?: string; env: Record<string, string> }): Promise<Run> {
  const { ADMIN_PASSWORD: _inherited, DATABASE_URL: _url, ...env } = process.env;
  const child = spawn('npm', ['run', '--silent', 'admin:create', '--', ...args], { cwd: root, env: { ...env, LOG_LEVEL: 'silent', ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => void (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (output += d.toString()));
  child.stdin.end(opts.stdin ?? '');
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

let database: { url: string; drop: () => Promise<void> };
let api: RunningApi | null = null;

beforeAll(async () => {
  database = await createTestDatabase('admincreate');
});
afterAll(async () => {
  await api?.close();
  await database.drop();
});

describe('npm run admin:create', () => {
  it('creates the first admin on an empty database, refuses a weak password, and a second run changes nothing', async () => {
    const env = { DATABASE_URL: database.url };
    const weak = await adminCreate(['--email', 'Boss@Example.com'], { stdin: 'short\n', env });
    expect(weak.code).toBe(1);
    expect(weak.output).toContain('Refused: password: Use at least 10 characters');
    expect(weak.output).not.toContain('short');

    const first = await adminCreate(['--email', 'Boss@Example.com', '--name', 'The Boss'], { stdin: `${password}\n`, env });
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/Created boss@example\.com \(email verified\) with the admin role \(roles: admin, user id [0-9a-f-]{36}\)/);
    const second = await adminCreate(['--email', 'boss@example.com'], { stdin: `${password}\n`, env });
    expect(second.code, second.output).toBe(0);
    expect(second.output).toContain('boss@example.com is already an admin (roles: admin); nothing changed.');
    for (const run of [first, second]) expect(run.output).not.toContain(password);

    api = await startApi({ DATABASE_URL: database.url });
    const sql = (text: string, params: unknown[] = []) => api!.app.db.orm.em.fork().getConnection().execute(text, params);
    // People only: the house shop's seller account (created by a migration) is nobody's login.
    const users = await sql(`select id, email, display_name, roles, email_verified_at from users where id not in (select user_id from house_shop)`);
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ email: 'boss@example.com', display_name: 'The Boss', roles: ['admin'] });
    expect(users[0]!.email_verified_at).not.toBeNull();
    expect(await sql(`select action, actor_id, user_agent from audit_log where object_id = ?`, [users[0]!.id])).toEqual([{ action: 'user.created', actor_id: null, user_agent: 'npm run admin:create' }]);

    const login = await client(api).auth.login.mutate({ email: 'boss@example.com', password });
    expect(login.error).toBeUndefined();
    expect(login.data).toMatchObject({ status: 'signed_in', email: 'boss@example.com', roles: ['admin'], emailVerified: true });
    const me = await client(api).auth.me.query(undefined, { cookie: login.setCookie });
    expect(me.data?.roles).toEqual(['admin']);
  }, 120_000);

  it('makes an existing account an admin only with that account’s own password', async () => {
    const env = { DATABASE_URL: database.url };
    const person = await registerUser(api!, { password: 'their own password 1' });
    const roles = async () => ((await api!.app.db.orm.em.fork().getConnection().execute(`select roles from users where id = ?`, [person.id]))[0] as { roles: string[] }).roles;

    const wrong = await adminCreate(['--email', person.email], { stdin: `${password}\n`, env });
    expect(wrong.code).toBe(1);
    expect(wrong.output).toContain(`An account with ${person.email} already exists and this is not its password, so it was not made an admin.`);
    expect(await roles()).toEqual(['buyer']);

    const right = await adminCreate(['--email', person.email], { env: { ...env, ADMIN_PASSWORD: 'their own password 1' } });
    expect(right.code, right.output).toBe(0);
    expect(right.output).toContain(`Gave the existing account ${person.email} the admin role (roles: buyer, admin`);
    expect(right.output).not.toContain('their own password 1');
    expect(await roles()).toEqual(['buyer', 'admin']);

    const usage = await adminCreate(['--name', 'No Email'], { env });
    expect(usage.code).toBe(64);
    expect(usage.output).toContain('--email is required');
  }, 120_000);

  it('works on the embedded database (PGLITE_DIR) when DATABASE_URL is not set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'md-admin-pglite-'));
    try {
      const env = { PGLITE_DIR: dir };
      const first = await adminCreate(['--email', 'local@example.com'], { stdin: `${password}\n`, env });
      expect(first.code, first.output).toBe(0);
      expect(first.output).toContain('Created local@example.com (email verified) with the admin role (roles: admin');
      const second = await adminCreate(['--email', 'local@example.com'], { env });
      expect(second.output).toContain('local@example.com is already an admin (roles: admin); nothing changed.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
