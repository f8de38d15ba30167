// Opens the database: a MikroORM instance over PostgreSQL or the embedded PGlite, migrated on request.
import { mkdirSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager as PgEntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { buildOrmConfig } from './mikro-orm.config.js';

export type Orm = MikroORM<PostgreSqlDriver>;
export type EntityManager = PgEntityManager;

export interface OpenDbOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database (used only without databaseUrl). */
  pgliteDir?: string;
  poolMax?: number;
  migrate?: boolean;
  debug?: boolean;
  /** MikroORM's own lines (each migration as it is applied), e.g. into the process's logger. */
  logger?: (message: string) => void;
}

export interface Database {
  orm: Orm;
  /** Present only in embedded mode: LISTEN/NOTIFY goes through it instead of a pg client. */
  pglite: PGlite | null;
  databaseUrl: string | null;
  close(): Promise<void>;
}

export async function openDatabase(options: OpenDbOptions): Promise<Database> {
  let pglite: PGlite | null = null;
  if (!options.databaseUrl) {
    const dir = options.pgliteDir ?? './.data/pglite';
    mkdirSync(dir, { recursive: true });
    // pg_trgm powers typo-tolerant search; PostgreSQL servers get it from the migration.
    pglite = await PGlite.create(dir, { extensions: { pg_trgm } });
  }
  const config = buildOrmConfig({
    databaseUrl: options.databaseUrl,
    ...(pglite ? { pglite } : {}),
    ...(options.poolMax ? { poolMax: options.poolMax } : {}),
    ...(options.debug ? { debug: options.debug } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  // The PGlite driver shares the PostgreSQL SQL dialect; typing both as the PostgreSQL ORM keeps
  // repositories identical across the two modes.
  const orm = (await MikroORM.init(config as never)) as unknown as Orm;
  if (options.migrate) await orm.getMigrator().up();
  return {
    orm,
    pglite,
    databaseUrl: options.databaseUrl ?? null,
    async close() {
      await orm.close(true);
      if (pglite) await pglite.close();
    },
  };
}
