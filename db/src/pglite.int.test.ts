// Smoke test of the embedded default: PGlite on disk, migrations, seed, optimistic locking, NOTIFY.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { OptimisticLockError } from '@mikro-orm/core';
import { noHolidays, supportCalendar } from '@marketdesk/domain';
import { openDatabase, seedDemo, User, demoUsers } from './index.js';

const dir = mkdtempSync(join(tmpdir(), 'md-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('migrates, seeds once, locks versions and notifies on outbox insert', async () => {
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
});
