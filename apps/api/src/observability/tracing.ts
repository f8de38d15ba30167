// OpenTelemetry tracing, off unless OTEL_EXPORTER_OTLP_ENDPOINT is set. Kept light on purpose: no
// auto-instrumentation bundle, just the spans that tell the story of a state change —
// HTTP request → tRPC procedure → SQL queries → outbox publication → job run — linked by W3C
// traceparent strings that travel inside outbox rows and job payloads.
import pg from 'pg';
import { context, isSpanContextValid, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace';

let provider: TracerProvider | null = null;

export interface TracingHandle {
  enabled: boolean;
  shutdown(): Promise<void>;
}

/** Starts exporting spans over OTLP/HTTP when an endpoint is configured (once per process). */
export function initTracing(options: { endpoint?: string | undefined; serviceName: string; processor?: SpanProcessor }): TracingHandle {
  if (provider) return { enabled: true, shutdown: async () => {} };
  if (!options.endpoint && !options.processor) return { enabled: false, shutdown: async () => {} };
  const processor = options.processor ?? new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${options.endpoint!.replace(/\/$/, '')}/v1/traces` }) });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const created = new TracerProvider({ resource: resourceFromAttributes({ 'service.name': options.serviceName }), spanProcessors: [processor] });
  trace.setGlobalTracerProvider(created);
  provider = created;
  patchPgQueries();
  return {
    enabled: true,
    async shutdown() {
      await created.shutdown();
    },
  };
}

export const tracingEnabled = () => provider !== null;
export const tracer = () => trace.getTracer('marketdesk');

export function traceparentOf(span: Span | undefined = trace.getActiveSpan()): string | undefined {
  const sc = span?.spanContext();
  if (!sc || !isSpanContextValid(sc)) return undefined;
  return `00-${sc.traceId}-${sc.spanId}-${sc.traceFlags.toString(16).padStart(2, '0')}`;
}

/** A context whose parent is the remote span a traceparent names (or the active one if invalid). */
export function contextFrom(traceparent: string | undefined): Context {
  const m = traceparent ? /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(traceparent) : null;
  if (!m) return context.active();
  return trace.setSpanContext(context.active(), { traceId: m[1]!, spanId: m[2]!, traceFlags: parseInt(m[3]!, 16), isRemote: true });
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

let pgPatched = false;
/** One client span per SQL statement, under whatever span is active (MikroORM → knex → pg). */
function patchPgQueries() {
  if (pgPatched) return;
  pgPatched = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function patchedQuery(this: unknown, ...args: unknown[]) {
    if (!trace.getActiveSpan()) return original.apply(this, args);
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const span = tracer().startSpan('pg.query', { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.statement': text.slice(0, 300) } });
    const finish = (err?: unknown) => {
      if (err) span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      span.end();
    };
    const cb = args.findIndex((a) => typeof a === 'function');
    if (cb >= 0) {
      const callback = args[cb] as (err: unknown, res: unknown) => void;
      args[cb] = (err: unknown, res: unknown) => {
        finish(err);
        callback(err, res);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as { then?: (ok: () => void, fail: (e: unknown) => void) => void } | undefined;
    if (result && typeof result.then === 'function') result.then(() => finish(), finish);
    else finish();
    return result;
  };
}
