// OpenTelemetry, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. The spans come from OpenTelemetry's
// own instrumentations — http (a SERVER span per request, the caller's `traceparent` honoured),
// @fastify/otel (the request span, named after its tRPC procedures), pg (one span per SQL statement),
// ioredis, and BullMQ's own telemetry (bullmq-otel) — plus the two spans only we can name:
// outbox.publish and the job run. Work that outlives the request carries the W3C trace context
// (`traceparent`, `tracestate`, written and read by the propagation API, never by hand) in the outbox
// row's `trace` and the job payload's `_meta`, so a trace runs from the request through the outbox
// into the job.
//
// This module is what the app's code uses, and needs only @opentelemetry/api (no-ops while tracing
// is off). The SDK and the instrumentations live in tracing-sdk.ts, loaded by startTracing() only
// when tracing is on — the process entries (main.ts, worker.ts) call it before they import the app,
// because the instrumentations patch pg, ioredis and http as those modules load.
import { context, propagation, ROOT_CONTEXT, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { BullMQOtel } from 'bullmq-otel';
// Types only: the SDK module itself is imported (dynamically) by startTracing when tracing is on.
import type { TracingOptions } from './tracing-sdk.js';

/** W3C trace context as written into an outbox row or a job payload. */
export interface TraceCarrier {
  traceparent?: string;
  tracestate?: string;
}

export interface TracingHandle {
  enabled: boolean;
  shutdown(): Promise<void>;
}

let running: TracingHandle | null = null;
let bullmq: BullMQOtel | undefined;

/**
 * Starts tracing for this process, once: the SDK, the W3C propagator, the ESM loader hook and the
 * instrumentations. Must run before the app's modules are imported (see main.ts).
 */
export async function startTracing(options: TracingOptions): Promise<TracingHandle> {
  if (running) return running;
  if (!options.endpoint && !options.processor) return { enabled: false, shutdown: async () => {} };
  const { startTracingSdk } = await import('./tracing-sdk.js');
  const sdk = await startTracingSdk(options);
  bullmq = sdk.bullmq;
  running = { enabled: true, shutdown: sdk.shutdown };
  return running;
}

export const tracer = () => trace.getTracer('marketdesk');

/** BullMQ's `telemetry` option for queues and workers: its producer/consumer spans, and the trace context in each job. */
export function bullmqTelemetry(): { telemetry?: BullMQOtel } {
  return bullmq ? { telemetry: bullmq } : {};
}

/** The trace context of `ctx` (the active one by default) as W3C fields; empty when nothing is traced. */
export function injectTraceContext(ctx: Context = context.active()): TraceCarrier {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return {
    ...(carrier.traceparent ? { traceparent: carrier.traceparent } : {}),
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

/** A context continuing the trace a carrier names (a new trace when it names none or an invalid one). */
export function extractTraceContext(carrier: TraceCarrier | null | undefined, base: Context = ROOT_CONTEXT): Context {
  return carrier ? propagation.extract(base, carrier) : base;
}

/** Runs fn inside a span (a no-op span when tracing is off), recording failure and ending it. */
export async function inSpan<T>(name: string, attributes: Record<string, string | number>, fn: (span: Span) => Promise<T>, parent?: Context): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, parent ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  });
}
