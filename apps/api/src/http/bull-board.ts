// The BullMQ dashboard (bull-board) at /admin/queues, for admins only: every request under the
// prefix, page or API call, needs a session whose user holds the admin role. Linked from the
// console's navigation; the console's dev server proxies the path to the API. Its page runs under
// its own Content-Security-Policy (security-headers.ts) and loads nothing from other sites.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { hasRole } from '@marketdesk/domain';
import type { JobQueues } from '../jobs/queues.js';
import { queueNames } from '../jobs/job-definition.js';
import type { SessionActor } from '../trpc/context.js';
import { cspHeader, jobDashboardContentSecurityPolicy } from './security-headers.js';

export const bullBoardPath = '/admin/queues';

export async function registerBullBoard(app: FastifyInstance, deps: { queues: JobQueues; authenticate: (req: FastifyRequest) => Promise<SessionActor | null> }) {
  const serverAdapter = new FastifyAdapter();
  createBullBoard({
    queues: queueNames.map((name) => new BullMQAdapter(deps.queues.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Marketdesk jobs' } },
  });
  serverAdapter.setBasePath(bullBoardPath);
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      const actor = await deps.authenticate(req);
      if (!actor) return reply.code(401).send({ error: { code: 'UNAUTHORIZED', message: 'Please sign in to the console first.' } });
      if (!hasRole(actor, 'admin')) return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'The job dashboard is for admins.' } });
    });
    scope.addHook('onSend', async (_req, reply, payload) => {
      reply.header('content-security-policy', cspHeader(jobDashboardContentSecurityPolicy));
      // The page asks Google Fonts for its typeface: a third-party request from an admin page (and a
      // failed one offline). Without it the dashboard uses the system's sans-serif.
      const html = typeof payload === 'string' && String(reply.getHeader('content-type') ?? '').startsWith('text/html');
      return html ? payload.replace(/<link[^>]+href="https:\/\/fonts\.googleapis\.com[^>]*>\s*/g, '') : payload;
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: bullBoardPath });
  });
}
