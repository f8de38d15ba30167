// The database's side of /readyz: does PostgreSQL answer a trivial statement.
import type { EntityManager } from '@marketdesk/db';
import { db } from './db.js';

export const healthRepository = {
  async ping(em: EntityManager): Promise<void> {
    await db(em)
      .selectNoFrom((eb) => eb.lit(1).as('alive'))
      .execute();
  },
};
