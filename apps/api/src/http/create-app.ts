// Assembles one API process: HTTP (Fastify + tRPC), the live channel, the outbox relay and, when
// asked, the job workers. Returned with a close() that shuts down in the right order.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { Redis } from 'ioredis';
import { openDatabase, type Database } from '@marketdesk/db';
import { trpcMaxBatchItems, trpcMaxUrlLength } from '@marketdesk/domain';
import type { Config } from '../env.js';
import { createLogger } from '../logger.js';
import { appRouter, type AppRouter } from '../routers/_app.js';
import { createServices } from '../services/container.js';
import { createContextFactory } from '../trpc/context.js';
import { createSocketServer } from '../realtime/socket-server.js';
import { createOutboxRelay } from '../realtime/outbox-relay.js';
import { outboxRepository } from '../repositories/outbox-repository.js';
import { createQueues } from '../jobs/queues.js';
import { startWorkers } from '../jobs/workers.js';
import { createJobContext } from '../jobs/job-context.js';
import { originGuard } from './csrf.js';
import { registerSecurityHeaders } from './security-headers.js';
import { serializerOnFirstUse } from './serializer-on-first-use.js';
import { registerOidcRoutes } from './oidc-routes.js';
import { createOidcClient } from '../integrations/oidc/oidc-client.js';
import { registerHealthRoutes } from './health.js';
import { registerStripeWebhook } from './stripe-webhook.js';
import { registerUploadRoutes } from './uploads.js';
import { sessionAuthenticator } from './route-deps.js';
import { registerStatementCsv } from './statement-csv.js';
import { registerAuditCsv } from './audit-csv.js';
import { registerExportDownload } from './export-download.js';
import { createStorage } from '../integrations/storage/index.js';
import { paymentGatewayFrom } from '../integrations/stripe/index.js';
import { createFileScanner } from '../integrations/scanning/file-scanner.js';
import { registerRequestObservability } from '../observability/http-hooks.js';
import { registerMetricsRoute } from '../observability/metrics-route.js';
import { registerMetricSources } from '../observability/metrics.js';
import { observeEmits } from '../observability/live-metrics.js';
import { queueNames } from '../jobs/job-definition.js';
import { registerBullBoard } from './bull-board.js';
import { toTrpcError } from '../errors/to-trpc.js';
import { setStaffReplyCheck } from '../services/chat/index.js';
import { disputeStaffReplyRule } from '../services/disputes/staff-reply-rule.js';
import { setSupportHolidayRegion } from '../services/sla/support-calendar.js';

export interface AppOptions {
  /** Reuse an open database (tests, or the embedded mode where one process owns PGlite). */
  db?: Database;
  startRelay?: boolean;
}

export async function createApp(config: Config, options: AppOptions = {}) {
  const log = createLogger(config, 'api');
  const db = options.db ?? (await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    poolMax: config.DB_POOL_MAX,
    migrate: config.RUN_MIGRATIONS,
    // Migrations applied are logged at info, like the rest (quiet under npm start's LOG_LEVEL=warn).
    logger: (message) => log.info({ component: 'mikro-orm' }, message),
  }));
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis error'));
  const services = createServices({ config, db, redis, gateway: await paymentGatewayFrom(config) });
  // Disputes decide who may write as Support in an order's conversation (see staff-reply-rule.ts).
  setStaffReplyCheck(disputeStaffReplyRule);
  // Every SLA clock (dispute deadlines, queue rows) stops on this region's bank holidays.
  setSupportHolidayRegion(config.SLA_HOLIDAY_REGION);
  const queues = createQueues(config.REDIS_URL, config.REDIS_PREFIX);

  const app = Fastify({
    loggerInstance: log as unknown as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // A batched tRPC GET carries its joined procedure names in one route parameter; the apps keep
    // the whole URL under trpcMaxUrlLength, so the parameter may be that long (the default of 100
    // answered "Route not found" on admin pages). The batch's size is capped below.
    routerOptions: { maxParamLength: trpcMaxUrlLength },
    // The API's routes declare no response schemas: the serializer compiler loads if one ever does.
    schemaController: { compilersFactory: { buildSerializer: serializerOnFirstUse() } },
  });
  registerRequestObservability(app);
  app.addHook('onSend', async (req, reply) => void reply.header('x-request-id', req.id));
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app, config);
  app.addHook('onRequest', originGuard(config.ALLOWED_ORIGINS));
  // Start-up work that must finish before traffic (main.ts: the demo's queue items).
  let startingUp: string | null = null;
  registerHealthRoutes(app, { db, redis, startingUp: () => startingUp });
  registerMetricsRoute(app, config.METRICS_TOKEN);
  const gateway = services.gateway;
  if (gateway) await registerStripeWebhook(app, { gateway, db });
  const authenticate = sessionAuthenticator({ db, config, sessions: services.sessions });
  await registerUploadRoutes(app, { db, storage: createStorage(config), scanner: createFileScanner(config), config, authenticate, enqueue: queues.enqueue });
  registerStatementCsv(app, { db, authenticate });
  registerAuditCsv(app, { db, authenticate });
  registerExportDownload(app, { db, authenticate, storage: createStorage(config) });
  await registerBullBoard(app, { queues, authenticate });
  // Google sign-in exists only when configured (auth.providers tells the apps whether to show it).
  const oidc = createOidcClient(config);
  if (oidc) await registerOidcRoutes(app, { oidc, services });
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      // The apps' batch link sends at most this many calls per request; more is refused with a 400.
      maxBatchSize: trpcMaxBatchItems,
      createContext: withCleanContextErrors(createContextFactory(services)),
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'unhandled error');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  const live = createSocketServer(app.server, { config, redis, services, log });
  services.setLiveGateway(live.gateway);
  const relay = createOutboxRelay(db, { emit: observeEmits(live.emit, live.io), enqueue: queues.enqueue }, { pollMs: config.OUTBOX_POLL_MS, log });
  const workers = config.WORKER_IN_PROCESS
    ? startWorkers(config.REDIS_URL, config.REDIS_PREFIX, createJobContext(config, db, log, gateway))
    : null;
  const unregisterMetrics = registerMetricSources({
    socketCount: () => live.io.engine.clientsCount,
    queueCounts: () => Promise.all(queueNames.map(async (queue) => ({ queue, counts: await queues.queue(queue).getJobCounts() }))),
    outboxBacklog: () => outboxRepository.unpublishedBacklog(db.orm.em.fork()),
  });

  let closed = false;
  return {
    app,
    io: live.io,
    db,
    redis,
    services,
    relay,
    queues,
    gateway,
    log,
    /** /readyz answers 503 naming this work until it is cleared with null. */
    setStartingUp(work: string | null) {
      startingUp = work;
    },
    async listen() {
      await app.listen({ host: config.HOST, port: config.PORT });
      if (options.startRelay !== false && config.OUTBOX_RELAY) await relay.start();
      const address = app.server.address();
      return typeof address === 'object' && address ? address.port : config.PORT;
    },
    /** Stop accepting, finish in-flight work, then close connections (SIGTERM path). */
    async close() {
      if (closed) return;
      closed = true;
      unregisterMetrics();
      await relay.stop();
      // Only this process's connections, closed as lost connections (not "io server disconnect",
      // which clients take as final): they reconnect through the proxy to another process and
      // resume their sessions, which Socket.IO saves to Redis as each one closes.
      // io.disconnectSockets() would also reach every other process's sockets through the adapter
      // (apps/api/test/scale-out.int.test.ts, "a stopped API process").
      live.io.engine.close();
      await app.close(); // stops accepting and waits for in-flight requests; also closes io's server
      await new Promise<void>((resolve) => live.io.close(() => resolve()));
      await workers?.close();
      await queues.close();
      if (!options.db) await db.close();
      redis.disconnect();
    },
  };
}

/** The session lookup runs before any procedure: a database outage there is a 503 too, not a 500. */
function withCleanContextErrors<A extends unknown[], R>(create: (...args: A) => Promise<R>) {
  return async (...args: A) => {
    try {
      return await create(...args);
    } catch (err) {
      throw toTrpcError(err) ?? err;
    }
  };
}

export type App = Awaited<ReturnType<typeof createApp>>;
