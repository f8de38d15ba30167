// Worker process entry: BullMQ consumers running the same services as the API. As in main.ts, the
// app is imported only once tracing has started (the instrumentations patch modules as they load).
import { loadConfigOrExit } from './env.js';
import { mapStackTracesToOurSources } from './observability/source-maps.js';
import { startTracing } from './observability/tracing.js';

mapStackTracesToOurSources();
const config = loadConfigOrExit();
const tracing = await startTracing({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: 'marketdesk-worker' });
const { openDatabase } = await import('@marketdesk/db');
const { createLogger } = await import('./logger.js');
const { startWorkers } = await import('./jobs/workers.js');
const { createJobContext } = await import('./jobs/job-context.js');
const { paymentGatewayFrom } = await import('./integrations/stripe/index.js');
const { startMetricsServer } = await import('./observability/metrics-route.js');
const { setSupportHolidayRegion } = await import('./services/sla/support-calendar.js');
if (!config.DATABASE_URL) {
  console.error('The worker needs DATABASE_URL: with the embedded database, set WORKER_IN_PROCESS=true on the API instead.');
  process.exit(78);
}

// Dispute timers and queue rows the jobs create run on this region's bank holidays, as in the API.
setSupportHolidayRegion(config.SLA_HOLIDAY_REGION);
const log = createLogger(config, 'worker');
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, poolMax: config.DB_POOL_MAX, migrate: false });
const jobContext = createJobContext(config, db, log, await paymentGatewayFrom(config));
const workers = startWorkers(config.REDIS_URL, config.REDIS_PREFIX, jobContext);
const metricsServer = config.WORKER_METRICS_PORT ? await startMetricsServer(config.WORKER_METRICS_PORT, config.HOST, config.METRICS_TOKEN) : null;
log.info({ metricsPort: config.WORKER_METRICS_PORT || null, mailer: jobContext.mailer.kind, storage: jobContext.storage.kind, payments: jobContext.gateway ? 'stripe' : 'off' }, 'worker ready');

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    log.info({ signal }, 'worker shutting down');
    await workers.close();
    metricsServer?.close();
    await db.close();
    await tracing.shutdown();
    process.exit(0);
  });
}
