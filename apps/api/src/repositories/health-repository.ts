// The database's side of /readyz: does PostgreSQL answer a trivial statement.
import type { EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export const healthRepository = {
  async ping(em: EntityManager): Promise<void> {
    await sql(em, 'select 1');
  },
};
