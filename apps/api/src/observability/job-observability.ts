// Jobs carry the request that caused them: enqueue stamps `_meta` (the request id and the W3C trace
// context) onto the payload, and the worker runs the handler inside a `job <name>` span continuing
// that trace, logs with the same request id and times the run into the job-duration histogram.
import { performance } from 'node:perf_hooks';
import { context, isSpanContextValid, trace, type Context } from '@opentelemetry/api';
import { handedOnContext, runWithRequestContext, type HandedOnContext } from './request-context.js';
import { jobDuration } from './metrics.js';
import { extractTraceContext, inSpan } from './tracing.js';

export const jobMetaKey = '_meta';

/** The payload plus the context it is handed on from, when there is one (job schemas strip it again). */
export function withJobMeta(payload: Record<string, unknown>): Record<string, unknown> {
  const handed = handedOnContext();
  return handed ? { ...payload, [jobMetaKey]: handed } : payload;
}

export function jobMetaOf(data: unknown): HandedOnContext | undefined {
  const meta = (data as Record<string, unknown> | null)?.[jobMetaKey] as Record<string, unknown> | undefined;
  if (typeof meta?.requestId !== 'string') return undefined;
  return {
    requestId: meta.requestId,
    ...(typeof meta.traceparent === 'string' ? { traceparent: meta.traceparent } : {}),
    ...(typeof meta.tracestate === 'string' ? { tracestate: meta.tracestate } : {}),
  };
}

/**
 * The run's parent: under a BullMQ worker with telemetry the active span is BullMQ's `process`
 * span, which continues the producer's trace — the run nests under it when it is the trace `_meta`
 * names (or `_meta` names none); otherwise the run continues the trace `_meta` names.
 */
function parentOfRun(meta: HandedOnContext | undefined): Context {
  const active = context.active();
  const named = trace.getSpanContext(extractTraceContext(meta));
  if (!named || !isSpanContextValid(named)) return active;
  return trace.getSpanContext(active)?.traceId === named.traceId ? active : extractTraceContext(meta, active);
}

export async function observeJob<T>(queue: string, job: { name: string; id?: string | undefined; data: unknown }, run: (meta: HandedOnContext | undefined) => Promise<T>): Promise<T> {
  const meta = jobMetaOf(job.data);
  const started = performance.now();
  let status = 'failed';
  try {
    const attributes = { 'job.queue': queue, 'job.id': String(job.id ?? ''), ...(meta ? { 'request.id': meta.requestId } : {}) };
    const result = await inSpan(`job ${job.name}`, attributes, () => (meta ? runWithRequestContext(meta, () => run(meta)) : run(meta)), parentOfRun(meta));
    status = 'completed';
    return result;
  } finally {
    jobDuration.observe({ queue, job: job.name, status }, (performance.now() - started) / 1000);
  }
}
