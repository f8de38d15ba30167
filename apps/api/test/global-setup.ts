// One database per test run: created and migrated here, dropped at the end.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '@marketdesk/db';
import { createTestDatabase } from '../../../tests/fixtures/test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    redisPrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await createTestDatabase('api');
  const db = await openDatabase({ databaseUrl: database.url, migrate: true });
  await db.close();
  project.provide('databaseUrl', database.url);
  project.provide('redisPrefix', `mdtest_${randomBytes(4).toString('hex')}`);
  return async () => {
    await database.drop();
  };
}
