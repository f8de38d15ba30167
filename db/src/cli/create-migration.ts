// Generates a migration by diffing the entities against a scratch PostgreSQL database that has all
// existing migrations applied. Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run migration:create -w db
import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../orm.js';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratch = `md_migration_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
const url = new URL(adminUrl);
url.pathname = `/${scratch}`;
try {
  const db = await openDatabase({ databaseUrl: url.toString(), migrate: true });
  const result = await db.orm.migrator.create('db/src/migrations', false, false);
  const created = result.fileName ? dropSpuriousLines(`db/src/migrations/${result.fileName}`) : false;
  console.log(created ? `created ${result.fileName}` : 'no changes');
  await db.close();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
  await admin.end();
}

/**
 * Schema objects the entity metadata cannot describe exactly (CHECK constraints, the generated
 * search_vector column) always show up in the diff; drop those lines so they are never undone.
 */
function dropSpuriousLines(file: string): boolean {
  // CHECK constraints (any name but a foreign, primary or unique key's): PostgreSQL normalises their
  // text, so the diff always differs.
  // Partial unique indexes written by hand (one open KYC check per seller, one live dispute per order)
  // and the column types around their CHECK constraints look foreign to the entity diff as well.
  // Triggers and their functions are written by hand too (the config leaves them unmanaged, yet
  // MikroORM 7 still writes them into a generated down()).
  const spurious = [
    /(add|drop) constraint (if exists )?"?(?![a-z_]+_(foreign|pkey|unique)"?[ ;])[a-z_]+"?( ?check ?\(|;)/,
    /(create|drop) trigger |(create or replace|drop) function /,
    /"search_vector"/,
    /"listings" alter column "attributes"/,
    /kyc_checks_one_open_per_seller|disputes_one_open_per_order/,
    /"kyc_checks" alter column "business_type"/,
  ];
  const kept = readFileSync(file, 'utf8').split('\n').filter((line) => !spurious.some((re) => re.test(line)));
  if (!kept.some((line) => line.includes('addSql'))) {
    unlinkSync(file);
    return false;
  }
  writeFileSync(file, kept.join('\n'));
  return true;
}
