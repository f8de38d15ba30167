// API process entry: validate config, open everything, seed demo data if asked, serve, shut down on SIGTERM.
import { seedDemo } from '@marketdesk/db';
import { loadConfigOrExit } from './env.js';
import { createApp } from './http/create-app.js';
import { hashPassword } from './services/auth/passwords.js';
import { initTracing } from './observability/tracing.js';
import { supportSla } from './services/sla/support-calendar.js';

const config = loadConfigOrExit();
const tracing = initTracing({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: 'marketdesk-api' });

const api = await createApp(config);
if (config.SEED_DEMO) {
  const result = await seedDemo(api.db.orm.em.fork(), hashPassword, supportSla().calendar);
  api.log.info({ seeded: result.seeded }, result.seeded ? 'demo data seeded' : 'demo data already present');
}
const port = await api.listen();
api.log.info({ port, embedded: !config.DATABASE_URL, workerInProcess: config.WORKER_IN_PROCESS }, 'api ready');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    api.log.info({ signal }, 'shutting down');
    api.close().then(
      () => tracing.shutdown().finally(() => process.exit(0)),
      (err) => {
        api.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
