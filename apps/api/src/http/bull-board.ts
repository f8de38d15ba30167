// The BullMQ dashboard (bull-board) at /admin/queues, for admins only: every request under the
// prefix, page or API call, needs a session whose user holds the admin role. Linked from the
// console's navigation; the console's dev server proxies the path to the API. Its page runs under
// its own Content-Security-Policy (security-headers.ts) and loads nothing from other sites.
//
// bull-board loads on the first request under the prefix, not at start-up: it brings its API, its
// UI's templates and assets and what serves them (@bull-board/*, @fastify/static, @fastify/view,
// ejs, valibot, redis-info with lodash), several MB of heap and a tenth of a second of start-up
// for a page only admins open. A listening Fastify takes no new routes, so the prefix is served
// by a catch-all route that hands each request, as received, to a Fastify instance of the
// dashboard's own (made on first use, never listening: inject()) and sends back its answer.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type InjectOptions } from 'fastify';
import { hasRole } from '@marketdesk/domain';
import type { JobQueues } from '../jobs/queues.js';
import { queueNames } from '../jobs/job-definition.js';
import type { SessionActor } from '../services/auth/session-service.js';
import { cspHeader, jobDashboardContentSecurityPolicy } from './security-headers.js';

export const bullBoardPath = '/admin/queues';

// Per-connection headers of the dashboard's own answer; the API's connection sets its own.
const notForwarded = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date']);

/** The dashboard as its own Fastify instance, bull-board's plugin at bullBoardPath. */
async function createDashboard(queues: JobQueues): Promise<FastifyInstance> {
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }] = await Promise.all([
    import('@bull-board/api'),
    import('@bull-board/api/bullMQAdapter'),
    import('@bull-board/fastify'),
  ]);
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(queues.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Marketdesk jobs' } },
  });
  serverAdapter.setBasePath(bullBoardPath);
  // No logger of its own: the API's request log has each request, and bull-board answers its
  // errors itself (its error handler); anything else fails the API's route and is logged there.
  const dashboard = Fastify();
  dashboard.addHook('onSend', async (_req, reply, payload) => {
    reply.header('content-security-policy', cspHeader(jobDashboardContentSecurityPolicy));
    // The page asks Google Fonts for its typeface: a third-party request from an admin page (and a
    // failed one offline). Without it the dashboard uses the system's sans-serif.
    const html = typeof payload === 'string' && String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    return html ? payload.replace(/<link[^>]+href="https:\/\/fonts\.googleapis\.com[^>]*>\s*/g, '') : payload;
  });
  await dashboard.register(serverAdapter.registerPlugin(), { prefix: bullBoardPath });
  await dashboard.ready();
  return dashboard;
}

export async function registerBullBoard(app: FastifyInstance, deps: { queues: JobQueues; authenticate: (req: FastifyRequest) => Promise<SessionActor | null> }) {
  let dashboard: Promise<FastifyInstance> | undefined;
  const loadDashboard = () =>
    (dashboard ??= createDashboard(deps.queues).catch((err: unknown) => {
      dashboard = undefined; // a failed load is retried by the next request
      throw err;
    }));
  app.addHook('onClose', async () => {
    await (await dashboard?.catch(() => undefined))?.close();
  });
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      const actor = await deps.authenticate(req);
      if (!actor) return reply.code(401).send({ error: { code: 'UNAUTHORIZED', message: 'Please sign in to the console first.' } });
      if (!hasRole(actor, 'admin')) return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'The job dashboard is for admins.' } });
    });
    // Bodies (the dashboard's API calls) reach bull-board as they were sent; it parses them.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    const forward = async (req: FastifyRequest, reply: FastifyReply) => {
      const answer = await (await loadDashboard()).inject({
        method: req.method as InjectOptions['method'],
        url: req.url,
        headers: req.headers,
        ...(Buffer.isBuffer(req.body) ? { payload: req.body } : {}),
      });
      for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !notForwarded.has(name)) reply.header(name, value);
      return reply.code(answer.statusCode).send(answer.rawPayload);
    };
    scope.all(bullBoardPath, forward);
    scope.all(`${bullBoardPath}/*`, forward);
  });
}
