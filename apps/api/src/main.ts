// API process entry: validate config, open everything, seed demo data if asked, serve, shut down on SIGTERM.
import { seedDemo } from '@marketdesk/db';
import { ConfigError, loadConfig, type Config } from './env.js';
import { createApp } from './http/create-app.js';
import { hashPassword } from './services/auth/passwords.js';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}

const api = await createApp(config);
if (config.SEED_DEMO) {
  const result = await seedDemo(api.db.orm.em.fork(), hashPassword);
  api.log.info({ seeded: result.seeded }, result.seeded ? 'demo data seeded' : 'demo data already present');
}
const port = await api.listen();
api.log.info({ port, embedded: !config.DATABASE_URL, workerInProcess: config.WORKER_IN_PROCESS }, 'api ready');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    api.log.info({ signal }, 'shutting down');
    api.close().then(
      () => process.exit(0),
      (err) => {
        api.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
