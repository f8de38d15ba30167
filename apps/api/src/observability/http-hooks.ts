// Per-request observability for the API's Fastify server: the request id (and, with tracing on, a
// server span) become the ambient context of everything the request runs, and every response is
// timed into the HTTP and tRPC latency histograms.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { context, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { httpDuration, trpcDuration } from './metrics.js';
import { runWithRequestContext } from './request-context.js';
import { contextFrom, traceparentOf, tracer, tracingEnabled } from './tracing.js';

const spans = new WeakMap<FastifyRequest, Span>();

/** `a.b,c.d` from `/trpc/a.b,c.d?batch=1`: one label per procedure, so batching does not hide any. */
export function trpcProcedures(url: string): string[] {
  const path = url.split('?')[0]!;
  if (!path.startsWith('/trpc/')) return [];
  return decodeURIComponent(path.slice('/trpc/'.length))
    .split(',')
    .filter((p) => /^[\w.]{1,80}$/.test(p));
}

export function registerRequestObservability(app: FastifyInstance) {
  app.addHook('onRequest', (req, _reply, done) => {
    const requestId = String(req.id);
    if (!tracingEnabled()) return runWithRequestContext({ requestId }, done);
    const procedures = trpcProcedures(req.url);
    const name = procedures.length ? `trpc ${procedures.join(',')}` : `HTTP ${req.method}`;
    const parent = contextFrom(typeof req.headers.traceparent === 'string' ? req.headers.traceparent : undefined);
    const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.url.split('?')[0]!, 'request.id': requestId } }, parent);
    spans.set(req, span);
    context.with(trace.setSpan(parent, span), () => runWithRequestContext({ requestId, traceparent: traceparentOf(span) }, done));
  });

  app.addHook('onResponse', async (req, reply) => {
    const seconds = reply.elapsedTime / 1000;
    const status = String(reply.statusCode);
    const procedures = trpcProcedures(req.url);
    // Route patterns, never raw URLs, keep the label set bounded.
    const route = procedures.length ? '/trpc' : (req.routeOptions.url ?? 'unmatched');
    httpDuration.observe({ method: req.method, route, status }, seconds);
    const type = req.method === 'GET' ? 'query' : 'mutation';
    for (const procedure of procedures) trpcDuration.observe({ procedure, type, status }, seconds);
    const span = spans.get(req);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  });
}
