// Wakes the relay when an outbox row commits: LISTEN on PostgreSQL (a dedicated pg client) or
// PGlite's in-process listen. The relay also polls, so a lost connection only delays, never loses.
import pg from 'pg';
import type { Logger } from 'pino';
import type { Database } from '@marketdesk/db';

export interface Wakeup {
  stop(): Promise<void>;
}

export async function listenForOutbox(db: Database, onWake: () => void, log: Logger): Promise<Wakeup> {
  if (db.pglite) {
    const unlisten = await db.pglite.listen('outbox', onWake);
    return { stop: () => unlisten() };
  }
  let stopped = false;
  let client: pg.Client | null = null;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: db.databaseUrl! });
    c.on('notification', onWake);
    c.on('error', (err) => {
      log.warn({ err: err.message }, 'outbox LISTEN connection lost; reconnecting');
      c.removeAllListeners();
      client = null;
      setTimeout(() => void connect().catch(() => {}), 1000).unref();
    });
    await c.connect();
    await c.query('LISTEN outbox');
    client = c;
    onWake(); // catch up on anything committed while not listening
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}
