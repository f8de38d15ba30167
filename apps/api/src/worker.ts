// Worker process entry: BullMQ consumers running the same services as the API.
import { openDatabase } from '@marketdesk/db';
import { loadConfigOrExit } from './env.js';
import { createLogger } from './logger.js';
import { startWorkers } from './jobs/workers.js';
import { createJobContext } from './jobs/job-context.js';

const config = loadConfigOrExit();
if (!config.DATABASE_URL) {
  console.error('The worker needs DATABASE_URL: with the embedded database, set WORKER_IN_PROCESS=true on the API instead.');
  process.exit(78);
}

const log = createLogger(config, 'worker');
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, poolMax: config.DB_POOL_MAX, migrate: false });
const jobContext = createJobContext(config, db, log);
const workers = startWorkers(config.REDIS_URL, config.REDIS_PREFIX, jobContext);
log.info({ mailer: jobContext.mailer.kind, storage: jobContext.storage.kind, payments: jobContext.gateway ? 'stripe' : 'off' }, 'worker ready');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    log.info({ signal }, 'worker shutting down');
    await workers.close();
    await db.close();
    process.exit(0);
  });
}
