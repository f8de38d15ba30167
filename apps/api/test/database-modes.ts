// The two databases every repository statement must work on: PostgreSQL (production, the tests'
// server) and PGlite (the embedded default, in a folder of its own, migrated). For suites that run
// the same checks on both (`describe.each(databaseModes)`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type Database } from '@marketdesk/db';

export interface DatabaseMode {
  name: string;
  open(): Promise<{ database: Database; cleanup(): void }>;
}

export const databaseModes: DatabaseMode[] = [
  {
    name: 'PostgreSQL',
    async open() {
      return { database: await openDatabase({ databaseUrl: inject('databaseUrl') }), cleanup: () => undefined };
    },
  },
  {
    name: 'PGlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'md-pglite-'));
      return { database: await openDatabase({ pgliteDir: dir, migrate: true, logger: () => undefined }), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
];

/** Opens `mode`'s database for the enclosing suite and closes it after; call the result inside tests. */
export function useDatabase(mode: DatabaseMode): () => Database {
  let opened: { database: Database; cleanup(): void } | undefined;
  beforeAll(async () => {
    opened = await mode.open();
  });
  afterAll(async () => {
    await opened?.database.close();
    opened?.cleanup();
  });
  return () => opened!.database;
}
