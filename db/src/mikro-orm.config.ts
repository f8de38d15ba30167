// MikroORM configuration shared by the API, the worker, the demo seed and the tests.
// PostgreSQL when a URL is given; otherwise the embedded PGlite (ARCHITECTURE.md "Embedded defaults").
import { defineConfig as definePgConfig, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { PGlite } from '@electric-sql/pglite';
import { PGliteDriver } from 'mikro-orm-pglite';
import { entities } from './entities/index.js';
import { migrationsList } from './migrations/index.js';

export interface DbConfigInput {
  /** postgres://… ; when absent the embedded PGlite instance is used. */
  databaseUrl?: string | undefined;
  pglite?: PGlite;
  poolMax?: number;
  debug?: boolean;
  /** Where MikroORM's own lines go (migrations applied, debug queries); its console otherwise. */
  logger?: (message: string) => void;
}

export function buildOrmConfig(input: DbConfigInput) {
  const common = {
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
    discovery: { warnWhenNoEntities: true },
    // Entities are EntitySchema definitions: no decorator metadata or ts-morph needed.
    forceUtcTimezone: true,
    debug: input.debug ?? false,
    ...(input.logger ? { logger: input.logger, colors: false } : {}),
    allowGlobalContext: false,
  };
  if (input.databaseUrl) {
    return definePgConfig({
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: input.databaseUrl,
      pool: { min: 0, max: input.poolMax ?? 10 },
    });
  }
  if (!input.pglite) throw new Error('Either databaseUrl or a PGlite instance is required');
  const pglite = input.pglite;
  return {
    ...common,
    driver: PGliteDriver,
    dbName: 'postgres',
    driverOptions: { connection: { pglite: () => pglite } },
  };
}
