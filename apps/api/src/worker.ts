// Worker process entry: BullMQ consumers running the same services as the API.
import { openDatabase } from '@marketdesk/db';
import { loadConfigOrExit } from './env.js';
import { createLogger } from './logger.js';
import { startWorkers } from './jobs/workers.js';
import { createMailer } from './integrations/mail/mailer.js';

const config = loadConfigOrExit();
if (!config.DATABASE_URL) {
  console.error('The worker needs DATABASE_URL: with the embedded database, set WORKER_IN_PROCESS=true on the API instead.');
  process.exit(78);
}

const log = createLogger(config, 'worker');
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, poolMax: config.DB_POOL_MAX, migrate: false });
const mailer = createMailer({ smtpUrl: config.SMTP_URL, mailDir: config.MAIL_DIR, from: config.MAIL_FROM });
const workers = startWorkers(config.REDIS_URL, config.REDIS_PREFIX, { db, mailer, log, now: () => new Date() });
log.info({ mailer: mailer.kind }, 'worker ready');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    log.info({ signal }, 'worker shutting down');
    await workers.close();
    await db.close();
    process.exit(0);
  });
}
