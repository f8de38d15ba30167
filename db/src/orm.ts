// Opens the database: a MikroORM instance over PostgreSQL or the embedded PGlite, migrated on request.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { MikroORM as PostgreSqlMikroORM, type AbstractSqlDriver, type BasePostgreSqlEntityManager } from '@mikro-orm/postgresql';
import { MikroORM as PgliteMikroORM } from '@mikro-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import { pgliteConfig, postgreSqlConfig } from './mikro-orm.config.js';

/**
 * Both drivers speak PostgreSQL's SQL dialect and hand out PostgreSQL entity managers; typing both
 * modes by what they share keeps repositories identical across the two.
 */
export type EntityManager = BasePostgreSqlEntityManager;
export type Orm = MikroORM<AbstractSqlDriver, EntityManager>;

/**
 * The PostgreSQL major inside the PGlite this build ships (@electric-sql/pglite 0.5.x embeds
 * PostgreSQL 18). A data folder is readable only by the same major; pglite.int.test.ts checks
 * this number against the running PGlite, so a PGlite upgrade that changes it fails there first.
 */
export const embeddedPostgresMajor = 18;

export interface OpenDbOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database (used only without databaseUrl). */
  pgliteDir?: string;
  poolMax?: number;
  /** PostgreSQL only: how long a query waits for a pooled connection before failing (60 s). */
  poolAcquireTimeoutMs?: number;
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

/** Thrown when the embedded data folder was written by a PostgreSQL major this PGlite cannot read. */
export class IncompatiblePgliteDataError extends Error {
  constructor(
    readonly dir: string,
    readonly foundMajor: string,
  ) {
    super(
      `The embedded database folder ${dir} was written by PostgreSQL ${foundMajor}; this Marketdesk's PGlite runs ` +
        `PostgreSQL ${embeddedPostgresMajor} and cannot open it (Marketdesk before MikroORM 7 ran PGlite 0.3, PostgreSQL 17). ` +
        `Move it away or delete it — \`mv ${dir} ${dir}-pg${foundMajor}\` or \`rm -rf ${dir}\` — and start again: ` +
        `a new database is created and migrated, and with SEED_DEMO=true the demo data is seeded again. ` +
        `The folder's data is not carried over; keep data you cannot lose in PostgreSQL (DATABASE_URL).`,
    );
    this.name = 'IncompatiblePgliteDataError';
  }
}

/** Refuses a data folder of another PostgreSQL major before PGlite fails on it with a generic error. */
export function assertPgliteDataCompatible(dir: string): void {
  let found: string;
  try {
    found = readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // a new (or empty) folder
    throw err;
  }
  if (found !== String(embeddedPostgresMajor)) throw new IncompatiblePgliteDataError(dir, found);
}

export async function openDatabase(options: OpenDbOptions): Promise<Database> {
  const common = {
    ...(options.debug ? { debug: options.debug } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  };
  let orm: Orm;
  let pglite: PGlite | null = null;
  if (options.databaseUrl) {
    orm = await PostgreSqlMikroORM.init(
      postgreSqlConfig({
        ...common,
        databaseUrl: options.databaseUrl,
        ...(options.poolMax ? { poolMax: options.poolMax } : {}),
        ...(options.poolAcquireTimeoutMs ? { acquireTimeoutMs: options.poolAcquireTimeoutMs } : {}),
      }),
    );
  } else {
    const dir = options.pgliteDir ?? './.data/pglite';
    assertPgliteDataCompatible(dir);
    mkdirSync(dir, { recursive: true });
    const embedded = await PgliteMikroORM.init(pgliteConfig({ ...common, pgliteDir: dir }));
    // The driver owns the instance (and closes it with the ORM); LISTEN goes through it directly.
    pglite = await embedded.driver.getConnection().getNativeClient();
    orm = embedded;
  }
  if (options.migrate) await orm.migrator.up();
  return {
    orm,
    pglite,
    databaseUrl: options.databaseUrl ?? null,
    close: () => orm.close(true),
  };
}
