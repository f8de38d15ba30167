// API process entry: validate config, start tracing, open everything, seed demo data if asked, serve,
// shut down on SIGTERM. The app is imported only once tracing has started: OpenTelemetry's
// instrumentations patch http, pg and ioredis as they load (observability/tracing-sdk.ts).
import { exitOnIncompatibleDataFolder, loadConfigOrExit } from './env.js';
import { mapStackTracesToOurSources } from './observability/source-maps.js';
import { startTracing } from './observability/tracing.js';

mapStackTracesToOurSources();
const config = loadConfigOrExit();
const tracing = await startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: 'marketdesk-api' });
const { seedDemo } = await import('@marketdesk/db');
const { createApp } = await import('./http/create-app.js');
const { hashPassword } = await import('./services/auth/passwords.js');
const { supportSla } = await import('./services/sla/support-calendar.js');
const { seedDemoQueues } = await import('./demo/demo-queues.js');

const api = await createApp(config).catch(exitOnIncompatibleDataFolder);
const demo = config.SEED_DEMO ? await seedDemo(api.db.orm.em.fork(), hashPassword, supportSla().calendar) : null;
if (demo) api.log.info({ seeded: demo.seeded }, demo.seeded ? 'demo data seeded' : 'demo data already present');
// The demo's open work (orders, disputes, payouts…) is made once, listening — the payment provider's
// webhooks for the demo orders must reach this process — and before /readyz says ready.
if (demo?.seeded) api.setStartingUp('making the demo queue items');
const port = await api.listen();
if (demo?.seeded) {
  const queues = await seedDemoQueues(api.services, api.app.log);
  api.log.info(queues, 'demo queue items made');
  api.setStartingUp(null);
}
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
