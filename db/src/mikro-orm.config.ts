// MikroORM configuration shared by the API, the worker, the demo seed and the tests.
// PostgreSQL when a URL is given; otherwise the embedded PGlite (docs/architecture.md "Embedded defaults")
// through MikroORM's own PGlite driver, which owns the PGlite instance it opens in `pgliteDir`.
import { defineConfig as definePostgreSqlConfig } from '@mikro-orm/postgresql';
import { defineConfig as definePgliteConfig } from '@mikro-orm/pglite';
import { Migrator } from '@mikro-orm/migrations';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { entities } from './entities/index.js';
import { migrationsList } from './migrations/index.js';

export interface DbConfigInput {
  debug?: boolean;
  /** Where MikroORM's own lines go (migrations applied, debug queries); its console otherwise. */
  logger?: (message: string) => void;
}

export interface PostgreSqlConfigInput extends DbConfigInput {
  /** postgres://… */
  databaseUrl: string;
  poolMax?: number;
  /** How long a query waits for a pooled connection (or a new one to connect) before failing. */
  acquireTimeoutMs?: number;
}

export interface PgliteConfigInput extends DbConfigInput {
  /** The embedded database's data directory. */
  pgliteDir: string;
}

function commonOptions(input: DbConfigInput) {
  return {
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      tableName: 'mikro_orm_migrations',
      emit: 'ts' as const,
      path: 'db/src/migrations',
      pathTs: 'db/src/migrations',
    },
    schemaGenerator: {
      // Every foreign key in the migrations says `on update cascade`, which MikroORM 6 inferred for
      // to-one relations; MikroORM 7 infers no rule, so the default says it once for all of them.
      defaultUpdateRule: 'cascade' as const,
      // Written by hand in migrations, not in entity metadata: the append-only and NOTIFY triggers
      // with their functions, and the one-row house_shop table.
      ignoreTriggers: true,
      ignoreRoutines: true,
      skipTables: ['house_shop'],
    },
    discovery: { warnWhenNoEntities: true },
    // Entities are EntitySchema definitions: no decorator metadata or ts-morph needed.
    forceUtcTimezone: true,
    debug: input.debug ?? false,
    ...(input.logger ? { logger: input.logger, colors: false } : {}),
    allowGlobalContext: false,
  };
}

export function postgreSqlConfig(input: PostgreSqlConfigInput) {
  return definePostgreSqlConfig({
    ...commonOptions(input),
    clientUrl: input.databaseUrl,
    pool: { min: 0, max: input.poolMax ?? 10 },
    // Forwarded to pg.Pool. Its default waits for a free connection forever; MikroORM 6 (through
    // knex) gave up after 60 s, which the API answers with a 503 — keep failing instead of hanging.
    driverOptions: { connectionTimeoutMillis: input.acquireTimeoutMs ?? 60_000 },
  });
}

export function pgliteConfig(input: PgliteConfigInput) {
  return definePgliteConfig({
    ...commonOptions(input),
    // Without `driverOptions.dataDir`, PGlite's dbName is the cluster's directory.
    dbName: input.pgliteDir,
    // Forwarded to PGlite.create(); pg_trgm powers typo-tolerant search (PostgreSQL servers get it
    // from the migration).
    driverOptions: { extensions: { pg_trgm } },
  });
}
