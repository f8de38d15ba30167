// The OpenTelemetry SDK of one process (API or worker), loaded by tracing.ts only when tracing is on.
//
// Order matters: the http, pg and ioredis instrumentations patch those modules as they are loaded.
// For `require` that is require-in-the-middle; for ESM `import` (our code, and the compiled
// dist/*.js, are ESM) it is import-in-the-middle, whose loader hook must be registered with Node
// before the modules are imported. So this runs first and the process entry imports the app after it
// (main.ts, worker.ts); the same order works under tsx, vitest and plain `node dist/main.js`.
import { register } from 'node:module';
import { context, propagation, SpanKind, trace, type Attributes, type Context, type Link } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { ATTR_DB_QUERY_TEXT } from '@opentelemetry/semantic-conventions';
import { sqlShape } from './sql-text.js';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, SamplingDecision, TracerProvider, type Sampler, type SamplingResult, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { BullMQOtel } from 'bullmq-otel';
import { requestSpanName, untracedPath } from './request-names.js';

export interface TracingOptions {
  /** OTLP/HTTP collector base URL (OTEL_EXPORTER_OTLP_ENDPOINT); tracing is off without it. */
  endpoint?: string | undefined;
  serviceName: string;
  /** Tests: where the spans go instead of an OTLP exporter (turns tracing on without an endpoint). */
  processor?: SpanProcessor;
}

/**
 * BullMQ's worker traces its own polling — each wait for the next job, each stalled-job check — as a
 * new trace, several a second across the queues. A trace starts at work instead: those roots are
 * not recorded (the same spans are kept when a job's trace context makes them children).
 */
const workerPolling = /^(getNextJob|startStalledCheckTimer|moveStalledJobsToWait) /;
export const rootSampler: Sampler = {
  shouldSample(_ctx: Context, _traceId: string, name: string, kind: SpanKind, _attributes: Attributes, _links: Link[]): SamplingResult {
    return { decision: kind === SpanKind.INTERNAL && workerPolling.test(name) ? SamplingDecision.NOT_RECORD : SamplingDecision.RECORD_AND_SAMPLED };
  },
  toString: () => 'MarketdeskRootSampler',
};

export async function startTracingSdk(options: TracingOptions): Promise<{ bullmq: BullMQOtel; shutdown(): Promise<void> }> {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const processor = options.processor ?? new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${options.endpoint!.replace(/\/$/, '')}/v1/traces` }) });
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    sampler: new ParentBasedSampler({ root: rootSampler }),
    spanProcessors: [processor],
  });
  trace.setGlobalTracerProvider(provider);

  const instrumentations = [
    // A SERVER span per request (continuing the caller's traceparent), a CLIENT span per outgoing
    // call made within a trace (the Stripe SDK, S3, the OIDC provider).
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => untracedPath(req.url ?? '/'),
      requireParentforOutgoingSpans: true,
    }),
    // Fastify's request span (named after the tRPC procedures) and the route handler's; the spans
    // of each lifecycle hook would only be noise. Registered on every Fastify instance as it is made.
    new FastifyOtelInstrumentation({
      registerOnInitialization: true,
      instrumentHooks: false,
      ignorePaths: (route) => untracedPath(route.url),
      requestHook: (span, request) => {
        span.updateName(requestSpanName(request.method, request.url, request.routeOptions.url));
        span.setAttribute('request.id', String(request.id));
      },
    }),
    // One span per SQL statement and Redis command — inside a trace only: the outbox relay's
    // polling and the pool's housekeeping start none. A statement's text is recorded without its
    // values (MikroORM writes them into the text; sql-text.ts).
    new PgInstrumentation({
      requireParentSpan: true,
      requestHook: (span, { query }) => {
        if (query.text) span.setAttribute(ATTR_DB_QUERY_TEXT, sqlShape(query.text));
      },
    }),
    new IORedisInstrumentation({ requireParentSpan: true }),
  ];

  // import-in-the-middle's loader, as @opentelemetry/instrumentation ships it, limited to the
  // modules these instrumentations patch (pg, pg-pool, ioredis, http, https): wrapping every module
  // of the app would cost start-up time and memory for nothing. Modules imported from here on can
  // be patched; already loaded ones (this file's imports) cannot — hence the entries' order.
  const patched = [...new Set(instrumentations.flatMap((i) => i.getModuleDefinitions().map((d) => d.name)))];
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: patched } });
  const unregister = registerInstrumentations({ tracerProvider: provider, instrumentations });

  return {
    bullmq: new BullMQOtel({ tracerName: 'bullmq' }),
    async shutdown() {
      unregister();
      await provider.shutdown();
    },
  };
}
