// What the repositories rely on when they query through `db(em)` (src/repositories/db.ts), on both
// drivers: values reach PostgreSQL as bound parameters, never spliced into the statement's text; a
// query runs in the caller's transaction and is undone with it; values come back through the
// entities' types; and a payout read for update holds its row (not its seller's) until commit.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database, type EntityManager } from '@marketdesk/db';
import { db, sql } from '../src/repositories/db.js';
import { payoutRepository } from '../src/repositories/payout-repository.js';

interface Mode {
  name: string;
  open(): Promise<{ database: Database; cleanup(): void }>;
}

const modes: Mode[] = [
  {
    name: 'PostgreSQL',
    async open() {
      return { database: await openDatabase({ databaseUrl: inject('databaseUrl') }), cleanup: () => undefined };
    },
  },
  {
    name: 'PGlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'md-kysely-'));
      return { database: await openDatabase({ pgliteDir: dir, migrate: true, logger: () => undefined }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

const at = new Date('2026-03-04T05:06:07.089Z');

async function insertUser(em: EntityManager, displayName = 'Typed SQL') {
  const id = randomUUID();
  await db(em)
    .insertInto('User')
    .values({ id, email: `${id}@kysely.test`, passwordHash: 'x', displayName, roles: ['buyer', 'seller'], recoveryCodeHashes: [], version: 1, createdAt: at, updatedAt: at })
    .execute();
  return id;
}

const userExists = async (em: EntityManager, id: string) => (await db(em).selectFrom('User').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;

describe.each(modes)('db(em) on $name', (mode) => {
  let database: Database;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ database, cleanup } = await mode.open());
  });
  afterAll(async () => {
    await database?.close();
    cleanup?.();
  });

  it('sends values as bound parameters, not in the statement text', async () => {
    const em = database.orm.em.fork();
    const tricky = `O'Brien \\ says "?" and $1 -- not a comment`;
    const id = await insertUser(em, tricky);
    // current_query() is the statement as the server received it.
    const row = await db(em)
      .selectFrom('User')
      .select(['displayName', sql<string>`current_query()`.as('statement')])
      .where('id', '=', id)
      .where('displayName', '=', tricky)
      .executeTakeFirstOrThrow();
    expect(row.displayName).toBe(tricky);
    expect(row.statement).toMatch(/"id" = \$1 and "display_name" = \$2/);
    expect(row.statement).not.toContain(id);
    expect(row.statement).not.toContain("O'Brien");
  });

  it('runs in the caller transaction: sees its own writes, and a rollback undoes them', async () => {
    const em = database.orm.em.fork();
    const kept = await em.transactional(async (tx) => {
      const id = await insertUser(tx);
      expect(await userExists(tx, id)).toBe(true);
      const txid = sql<string>`txid_current()::text`;
      const [ours, theirs] = await Promise.all([db(tx).selectNoFrom(txid.as('id')).executeTakeFirstOrThrow(), db(tx).selectNoFrom(txid.as('id')).executeTakeFirstOrThrow()]);
      expect(ours.id).toBe(theirs.id);
      return id;
    });
    expect(await userExists(em, kept)).toBe(true);

    let undone = '';
    await expect(
      em.transactional(async (tx) => {
        undone = await insertUser(tx);
        expect(await userExists(tx, undone)).toBe(true);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(undone).not.toBe('');
    expect(await userExists(em, undone)).toBe(false);
  });

  it('reads values back through the entities’ types, by property name', async () => {
    const em = database.orm.em.fork();
    const id = await insertUser(em);
    const user = await db(em).selectFrom('User').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(user.createdAt).toEqual(at);
    expect(user.roles).toEqual(['buyer', 'seller']);
    expect(user.emailVerifiedAt).toBeNull();

    const runId = randomUUID();
    const result = { checked: { payouts: 2 }, mismatches: [{ quote: "it's" }] };
    await db(em).insertInto('ReconciliationRun').values({ id: runId, ranAt: at, triggeredBy: null, mismatchCount: 1, result }).execute();
    expect(await db(em).selectFrom('ReconciliationRun').selectAll().where('id', '=', runId).executeTakeFirstOrThrow()).toEqual({
      id: runId,
      ranAt: at,
      triggeredBy: null,
      mismatchCount: 1,
      result,
    });

    // The limit db.ts documents: a column selected under another name skips the conversion.
    const aliased = await db(em).selectFrom('User').select('createdAt as created').where('id', '=', id).executeTakeFirstOrThrow();
    expect(typeof aliased.created).toBe('string');
    expect(new Date(aliased.created).getTime()).toBe(at.getTime());
  });

  it('locks a payout read for update until the transaction ends, and not its seller', async () => {
    const em = database.orm.em.fork();
    const sellerId = await insertUser(em);
    const payoutId = randomUUID();
    await payoutRepository.insert(em, { id: payoutId, sellerId, requestedBy: sellerId, amountMinor: 1500, currency: 'EUR', now: at });

    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const order: string[] = [];
    const holder = database.orm.em.fork().transactional(async (tx) => {
      const payout = await payoutRepository.find(tx, payoutId, { forUpdate: true });
      expect(payout).toMatchObject({ id: payoutId, sellerId, sellerName: 'Typed SQL', amountMinor: 1500, state: 'requested', version: 1, createdAt: at });
      locked();
      await released;
      expect(await payoutRepository.update(tx, payoutId, 1, { state: 'approved', decidedBy: sellerId }, at)).toBe(true);
      order.push('holder committed');
    });
    await isLocked;
    if (mode.name === 'PostgreSQL') {
      // Another connection cannot take the payout's row, but the seller's is free.
      const nowait = (table: 'Payout' | 'User', id: string) =>
        database.orm.em.fork().transactional((tx) => db(tx).selectFrom(table).select('id').where('id', '=', id).forUpdate().noWait().execute());
      await expect(nowait('Payout', payoutId)).rejects.toThrow(/could not obtain lock/);
      await expect(nowait('User', sellerId)).resolves.toHaveLength(1);
    }
    // A second locker waits for the first to commit, then reads its write; the stale version no longer matches.
    const waiter = database.orm.em.fork().transactional(async (tx) => {
      const payout = await payoutRepository.find(tx, payoutId, { forUpdate: true });
      order.push('waiter locked');
      return { payout, staleWrite: await payoutRepository.update(tx, payoutId, 1, { state: 'rejected' }, at) };
    });
    release();
    await holder;
    const { payout, staleWrite } = await waiter;
    expect(order).toEqual(['holder committed', 'waiter locked']);
    expect(payout).toMatchObject({ state: 'approved', version: 2, decidedBy: sellerId });
    expect(staleWrite).toBe(false);
  });
});
