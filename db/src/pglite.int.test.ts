// Smoke test of the embedded default: PGlite on disk, migrations, seed, optimistic locking, NOTIFY,
// raw SQL inside a transaction, and the refusal of a data folder made by another PostgreSQL major.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OptimisticLockError } from '@mikro-orm/core';
import { noHolidays, supportCalendar } from '@marketdesk/domain';
import { embeddedPostgresMajor, IncompatiblePgliteDataError, openDatabase, seedDemo, User, demoUsers } from './index.js';

const root = mkdtempSync(join(tmpdir(), 'md-pglite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('migrates, seeds once, locks versions and notifies on outbox insert', async () => {
  const dir = join(root, 'data');
  const db = await openDatabase({ pgliteDir: dir, migrate: true });
  const hash = async (p: string) => `plain:${p}`;
  const calendar = supportCalendar(noHolidays); // holidays are the API's to derive; not what this tests
  expect((await seedDemo(db.orm.em.fork(), hash, calendar)).seeded).toBe(true);
  expect((await seedDemo(db.orm.em.fork(), hash, calendar)).seeded).toBe(false);
  expect(await db.orm.em.fork().count(User, { email: { $in: demoUsers.map((u) => u.email) } })).toBe(demoUsers.length);

  const em1 = db.orm.em.fork();
  const em2 = db.orm.em.fork();
  const a = await em1.findOneOrFail(User, { email: 'admin@marketdesk.test' });
  const b = await em2.findOneOrFail(User, { email: 'admin@marketdesk.test' });
  a.displayName = 'First';
  await em1.flush();
  b.displayName = 'Second';
  await expect(em2.flush()).rejects.toBeInstanceOf(OptimisticLockError);

  const notified = new Promise<string>((resolve) => void db.pglite!.listen('outbox', resolve));
  await db.orm.em.fork().getConnection().execute(
    `insert into outbox_events (stream, seq, name, payload, rooms, jobs, occurred_at) values ('t:1', 1, 'x', '{}', '{}', '[]', now())`,
  );
  expect(await notified).toMatch(/^\d+$/);
  await db.close();

  // Reopening the folder keeps what it holds and finds nothing left to migrate.
  const again = await openDatabase({ pgliteDir: dir, migrate: true });
  expect(await again.orm.migrator.getPending()).toEqual([]);
  expect(await again.orm.em.fork().count(User, { email: 'admin@marketdesk.test', displayName: 'First' })).toBe(1);
  await again.close();
});

it('runs raw SQL in the caller transaction, and a rollback undoes it', async () => {
  const db = await openDatabase({ pgliteDir: join(root, 'tx'), migrate: true });
  const em = db.orm.em.fork();
  const insert = `insert into outbox_events (stream, seq, name, payload, rooms, jobs, occurred_at) values (?, 1, 'x', '{}', '{}', '[]', now())`;
  const count = async (stream: string) =>
    Number((await em.getConnection().execute<{ n: number }[]>(`select count(*) as n from outbox_events where stream = ?`, [stream]))[0]!.n);

  const ids = await em.transactional(async (tx) => {
    const run = (q: string, params: unknown[] = []) => tx.getConnection().execute<Record<string, unknown>[]>(q, params, 'all', tx.getTransactionContext());
    await run(insert, ['tx:kept']);
    const seen = await run(`select count(*) as n from outbox_events where stream = ?`, ['tx:kept']);
    expect(Number(seen[0]!.n)).toBe(1);
    return [(await run('select txid_current() as id'))[0]!.id, (await run('select txid_current() as id'))[0]!.id];
  });
  expect(ids[0]).toBe(ids[1]);
  expect(await count('tx:kept')).toBe(1);

  await expect(
    em.transactional(async (tx) => {
      await tx.getConnection().execute(insert, ['tx:undone'], 'all', tx.getTransactionContext());
      throw new Error('undo');
    }),
  ).rejects.toThrow('undo');
  expect(await count('tx:undone')).toBe(0);
  await db.close();
});

describe('a data folder from another PostgreSQL major', () => {
  it('is the major this PGlite runs', async () => {
    const db = await openDatabase({ pgliteDir: join(root, 'major') });
    const { rows } = await db.pglite!.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    expect(Math.floor(Number(rows[0]!.v) / 10000)).toBe(embeddedPostgresMajor);
    expect(readFileSync(join(root, 'major', 'PG_VERSION'), 'utf8').trim()).toBe(String(embeddedPostgresMajor));
    await db.close();
  });

  it('is refused with what to do, and left as it was', async () => {
    // PGlite 0.3 (Marketdesk before MikroORM 7) wrote PostgreSQL 17 folders; 0.5 cannot open them.
    const dir = join(root, 'pg17');
    cpSync(join(root, 'major'), dir, { recursive: true });
    writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    const before = readdirSync(dir, { recursive: true }).sort();

    const opened = openDatabase({ pgliteDir: dir, migrate: true });
    await expect(opened).rejects.toBeInstanceOf(IncompatiblePgliteDataError);
    const message = await opened.catch((err: Error) => err.message);
    expect(message).toContain(`${dir} was written by PostgreSQL 17`);
    expect(message).toContain(`runs PostgreSQL ${embeddedPostgresMajor}`);
    expect(message).toContain(`rm -rf ${dir}`);
    expect(message).toContain('demo data is seeded again');
    expect(readdirSync(dir, { recursive: true }).sort()).toEqual(before);
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8')).toBe('17\n');
  });

  it('does not stop a new or empty folder', async () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    const db = await openDatabase({ pgliteDir: dir });
    expect(readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim()).toBe(String(embeddedPostgresMajor));
    await db.close();
  });
});
