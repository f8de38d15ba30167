// Per-request observability for the API's Fastify server: the request id becomes the ambient context
// of everything the request runs, and every response is timed into the HTTP and tRPC latency
// histograms. The request's spans come from OpenTelemetry's http and Fastify instrumentations
// (tracing-sdk.ts), named after the tRPC procedures a request carries (request-names.ts).
import type { FastifyInstance } from 'fastify';
import { httpDuration, trpcDuration } from './metrics.js';
import { runWithRequestContext } from './request-context.js';
import { trpcProcedures } from './request-names.js';

export function registerRequestObservability(app: FastifyInstance) {
  app.addHook('onRequest', (req, _reply, done) => runWithRequestContext({ requestId: String(req.id) }, done));

  app.addHook('onResponse', async (req, reply) => {
    const seconds = reply.elapsedTime / 1000;
    const status = String(reply.statusCode);
    const procedures = trpcProcedures(req.url);
    // Route patterns, never raw URLs, keep the label set bounded.
    const route = procedures.length ? '/trpc' : (req.routeOptions.url ?? 'unmatched');
    httpDuration.observe({ method: req.method, route, status }, seconds);
    const type = req.method === 'GET' ? 'query' : 'mutation';
    for (const procedure of procedures) trpcDuration.observe({ procedure, type, status }, seconds);
  });
}
