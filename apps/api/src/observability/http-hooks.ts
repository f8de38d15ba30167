// Per-request observability for the API's Fastify server: the request id becomes the ambient context
// of everything the request runs, and every response is timed into the HTTP and tRPC latency
// histograms. The request's spans come from OpenTelemetry's http and Fastify instrumentations
// (tracing-sdk.ts), named here: after the tRPC procedures a request carries.
import type { FastifyInstance } from 'fastify';
import { httpDuration, trpcDuration } from './metrics.js';
import { runWithRequestContext } from './request-context.js';

/** `a.b,c.d` from `/trpc/a.b,c.d?batch=1`: one label per procedure, so batching does not hide any. */
export function trpcProcedures(url: string): string[] {
  const path = url.split('?')[0]!;
  if (!path.startsWith('/trpc/')) return [];
  return decodeURIComponent(path.slice('/trpc/'.length))
    .split(',')
    .filter((p) => /^[\w.]{1,80}$/.test(p));
}

/** The request span's name: `trpc auth.me` (every procedure of a batch), else method and route. */
export function requestSpanName(method: string, url: string, route: string | undefined): string {
  const procedures = trpcProcedures(url);
  return procedures.length ? `trpc ${procedures.join(',')}` : `${method} ${route ?? 'unmatched'}`;
}

/**
 * Requests that are not traced: probes and scrapes (a span every few seconds that tells nothing) and
 * Socket.IO's transport (long-polls; the events it carries are traced where they are made).
 */
export function untracedPath(url: string): boolean {
  const path = url.split('?')[0]!;
  return path === '/healthz' || path === '/readyz' || path === '/metrics' || path.startsWith('/socket.io/');
}

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
