// What the repositories rely on when they run raw SQL through the ORM's connection
// (apps/api/src/repositories/sql.ts), on both drivers: values reach the statement intact (MikroORM 7
// writes them into the SQL text itself), rows come back in shapes `new Date(v)` and `Number(v)` read
// correctly, and a statement given the transaction context runs inside that transaction.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/fixtures/test-database.js';
import { openDatabase, type Database, type EntityManager } from './index.js';

type Row = Record<string, unknown>;
const run = (em: EntityManager, query: string, params: unknown[] = []) =>
  em.getConnection().execute<Row[]>(query, params, 'all', em.getTransactionContext());

const insertEvent = `insert into outbox_events (stream, seq, name, payload, rooms, jobs, occurred_at) values (?, ?, 'x', '{}', '{}', '[]', now()) returning id`;

interface Mode {
  name: string;
  open(): Promise<{ db: Database; cleanup(): Promise<void> }>;
  /** How the driver hands back int8 (count(*), bigint columns); both read right through Number(). */
  int8: 'string' | 'number';
}

const modes: Mode[] = [
  {
    name: 'PostgreSQL',
    int8: 'string',
    async open() {
      const database = await createTestDatabase('db_raw');
      const db = await openDatabase({ databaseUrl: database.url, migrate: true });
      return { db, cleanup: () => database.drop() };
    },
  },
  {
    name: 'PGlite',
    int8: 'number',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'md-raw-'));
      const db = await openDatabase({ pgliteDir: dir, migrate: true });
      return { db, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

describe.each(modes)('raw SQL on $name', (mode) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await mode.open());
  });
  afterAll(async () => {
    await db?.close();
    await cleanup?.();
  });

  it('passes values into the statement intact', async () => {
    const tricky = `O'Brien \\ says "?" and $1 -- not a comment`;
    const at = new Date('2026-03-04T05:06:07.089Z');
    const [row] = await run(db.orm.em.fork(), `select ?::text as s, ?::timestamptz as at, ?::int as n, ?::boolean as b, ?::text as nothing, ?::jsonb as j, ?::uuid[] as ids`, [
      tricky,
      at,
      42,
      true,
      null,
      JSON.stringify({ quote: "it's", list: [1, 2] }),
      '{00000000-0000-4000-8000-000000000001,00000000-0000-4000-8000-000000000002}',
    ]);
    expect(row!.s).toBe(tricky);
    expect(new Date(row!.at as string).getTime()).toBe(at.getTime());
    expect(row!.n).toBe(42);
    expect(row!.b).toBe(true);
    expect(row!.nothing).toBeNull();
    expect(row!.j).toEqual({ quote: "it's", list: [1, 2] });
    expect(row!.ids).toEqual(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']);
  });

  it('returns rows the repositories read with new Date() and Number()', async () => {
    const em = db.orm.em.fork();
    const [inserted] = await run(em, insertEvent, [`shape:${mode.name}`, 1]);
    const [row] = await run(
      em,
      `select id, occurred_at, seq, rooms, payload, (select count(*) from outbox_events where stream = ?) as n, 12.50::numeric(10,2) as amount from outbox_events where id = ?`,
      [`shape:${mode.name}`, inserted!.id],
    );
    // timestamptz: PostgreSQL's text form on both drivers (MikroORM 7 installs the same parsers on each).
    expect(typeof row!.occurred_at).toBe('string');
    expect(Math.abs(new Date(row!.occurred_at as string).getTime() - Date.now())).toBeLessThan(3_600_000);
    // int8: a string from pg, a number from PGlite — as before the upgrade.
    expect(typeof row!.id).toBe(mode.int8);
    expect(typeof row!.n).toBe(mode.int8);
    expect(Number(row!.n)).toBe(1);
    expect(row!.seq).toBe(1);
    expect(row!.amount).toBe('12.50');
    expect(row!.rooms).toEqual([]);
    expect(row!.payload).toEqual({});
  });

  it('runs inside the caller transaction: sees its own writes, and a rollback undoes them', async () => {
    const em = db.orm.em.fork();
    const stream = `tx:${mode.name}`;
    const count = async (e: EntityManager) => Number((await run(e, `select count(*) as n from outbox_events where stream = ?`, [stream]))[0]!.n);

    const [first, second] = await em.transactional(async (tx) => {
      await run(tx, insertEvent, [stream, 1]);
      expect(await count(tx)).toBe(1);
      return [(await run(tx, 'select txid_current() as id'))[0]!.id, (await run(tx, 'select txid_current() as id'))[0]!.id];
    });
    expect(first).toBe(second);
    expect(await count(em)).toBe(1);

    await expect(
      em.transactional(async (tx) => {
        await run(tx, insertEvent, [stream, 2]);
        expect(await count(tx)).toBe(2);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await count(em)).toBe(1);
  });

  it('holds a FOR UPDATE lock until the transaction ends', async () => {
    const em = db.orm.em.fork();
    const [row] = await run(em, insertEvent, [`lock:${mode.name}`, 1]);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const order: string[] = [];

    const holder = db.orm.em.fork().transactional(async (tx) => {
      await run(tx, `select id from outbox_events where id = ? for update`, [row!.id]);
      locked();
      await released;
      await run(tx, `update outbox_events set published_at = now() where id = ?`, [row!.id]);
      order.push('holder committed');
    });
    await isLocked;
    if (mode.name === 'PostgreSQL') {
      // Another connection cannot take the row while the holder's transaction has it.
      await expect(db.orm.em.fork().transactional((tx) => run(tx, `select id from outbox_events where id = ? for update nowait`, [row!.id]))).rejects.toThrow(
        /could not obtain lock/,
      );
    }
    // A second locker waits for the first to commit, then sees its write.
    const waiter = db.orm.em.fork().transactional(async (tx) => {
      const [seen] = await run(tx, `select published_at from outbox_events where id = ? for update`, [row!.id]);
      order.push('waiter locked');
      return seen!.published_at;
    });
    release();
    await holder;
    expect(await waiter).not.toBeNull();
    expect(order).toEqual(['holder committed', 'waiter locked']);
  });

  it('notifies listeners of an outbox row once its transaction commits', async () => {
    const received: string[] = [];
    let arrived!: () => void;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const onPayload = (payload: string) => {
      received.push(payload);
      arrived();
    };
    let stop: () => Promise<void>;
    if (db.pglite) {
      stop = await db.pglite.listen('outbox', onPayload);
    } else {
      const client = new pg.Client({ connectionString: db.databaseUrl! });
      await client.connect();
      client.on('notification', (n) => onPayload(n.payload ?? ''));
      await client.query('LISTEN outbox');
      stop = () => client.end();
    }
    const id = await db.orm.em.fork().transactional(async (tx) => (await run(tx, insertEvent, [`notify:${mode.name}`, 1]))[0]!.id);
    await arrival;
    expect(received).toEqual([String(id)]);
    await stop();
  });
});

describe('a starved PostgreSQL pool', () => {
  it('fails a query that cannot get a connection instead of waiting forever', async () => {
    const database = await createTestDatabase('db_pool');
    const db = await openDatabase({ databaseUrl: database.url, migrate: true, poolMax: 1, poolAcquireTimeoutMs: 300 });
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let holding!: () => void;
      const isHolding = new Promise<void>((resolve) => (holding = resolve));
      const holder = db.orm.em.fork().transactional(async (tx) => {
        await run(tx, 'select 1');
        holding();
        await released;
      });
      await isHolding;
      const starved = await run(db.orm.em.fork(), 'select 1').catch((err: unknown) => err);
      release();
      await holder;
      expect(starved).toBeInstanceOf(Error);
      // The API's isDatabaseUnavailable() recognises this message and answers 503.
      expect((starved as Error).message).toMatch(/timeout exceeded when trying to connect/);
      expect(await run(db.orm.em.fork(), 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
      await database.drop();
    }
  });
});
