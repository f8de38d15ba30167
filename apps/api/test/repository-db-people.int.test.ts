// The repositories of discovery, pricing and people converted to `db(em)` (src/repositories/db.ts),
// on both drivers: the statements the API tests do not reach on their own (an upsert's second
// write, a sweep) and the values that come back through the entities' types.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '@marketdesk/db';
import { auditRepository } from '../src/repositories/audit-repository.js';
import { discogsCacheRepository } from '../src/repositories/discogs-cache-repository.js';

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
      const dir = mkdtempSync(join(tmpdir(), 'md-kysely-people-'));
      return { database: await openDatabase({ pgliteDir: dir, migrate: true, logger: () => undefined }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

const at = new Date('2026-03-04T05:06:07.089Z');

describe.each(modes)('batch C repositories on $name', (mode) => {
  let database: Database;
  let cleanup: () => void;
  beforeAll(async () => {
    ({ database, cleanup } = await mode.open());
  });
  afterAll(async () => {
    await database?.close();
    cleanup?.();
  });

  it('appends to the audit log and pages it newest first', async () => {
    const em = database.orm.em.fork();
    const objectId = randomUUID();
    const row = { actorId: null, actorRoles: ['admin', 'say "hi"'], action: 'test.audited', objectType: 'test', objectId, outcome: 'ok', before: null, after: { n: 2 }, requestId: null, ip: null, userAgent: null };
    await auditRepository.insert(em, { ...row, at });
    await auditRepository.insert(em, { ...row, at });
    const [newest, older] = await auditRepository.search(em, { objectId }, 10);
    expect(newest).toMatchObject({ at, actorRoles: ['admin', 'say "hi"'], action: 'test.audited', before: null, after: { n: 2 } });
    expect(BigInt(newest!.id)).toBeGreaterThan(BigInt(older!.id));
    expect(await auditRepository.search(em, { objectId, before: { at: newest!.at, id: newest!.id } }, 10)).toEqual([older]);
    expect(await auditRepository.search(em, { objectId, action: 'test.*' }, 10)).toHaveLength(2);
    expect(await auditRepository.search(em, { objectId, action: 'test%*' }, 10)).toHaveLength(0);
  });

  it('caches Discogs answers: overwritten by key, expired ones unseen and swept', async () => {
    const em = database.orm.em.fork();
    const key = `test:${randomUUID()}`;
    await discogsCacheRepository.put(em, key, { v: 1 }, at, 60_000);
    await discogsCacheRepository.put(em, key, { v: 2, quote: "it's" }, at, 60_000);
    expect(await discogsCacheRepository.get(em, key, at)).toEqual({ v: 2, quote: "it's" });
    const later = new Date(at.getTime() + 60_000);
    expect(await discogsCacheRepository.get(em, key, later)).toBeUndefined();
    expect(await discogsCacheRepository.sweep(em, later)).toBeGreaterThanOrEqual(1);
    await discogsCacheRepository.put(em, key, { v: 3 }, later, 60_000);
    expect(await discogsCacheRepository.get(em, key, later)).toEqual({ v: 3 });
  });
});
