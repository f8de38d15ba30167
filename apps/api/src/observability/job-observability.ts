// Jobs carry the request that caused them: enqueue stamps `_meta` (request id, traceparent) onto
// the payload, and the worker runs the handler inside a span under that trace, logs with the same
// request id and times the run into the job-duration histogram.
import { performance } from 'node:perf_hooks';
import { currentRequestContext, runWithRequestContext, type RequestContext } from './request-context.js';
import { jobDuration } from './metrics.js';
import { contextFrom, inSpan } from './tracing.js';

export const jobMetaKey = '_meta';

/** The payload plus the ambient request context, when there is one (job schemas strip it again). */
export function withJobMeta(payload: Record<string, unknown>): Record<string, unknown> {
  const ctx = currentRequestContext();
  return ctx ? { ...payload, [jobMetaKey]: { requestId: ctx.requestId, ...(ctx.traceparent ? { traceparent: ctx.traceparent } : {}) } } : payload;
}

export function jobMetaOf(data: unknown): RequestContext | undefined {
  const meta = (data as Record<string, unknown> | null)?.[jobMetaKey] as Partial<RequestContext> | undefined;
  return typeof meta?.requestId === 'string' ? { requestId: meta.requestId, ...(typeof meta.traceparent === 'string' ? { traceparent: meta.traceparent } : {}) } : undefined;
}

export async function observeJob<T>(queue: string, job: { name: string; id?: string | undefined; data: unknown }, run: (meta: RequestContext | undefined) => Promise<T>): Promise<T> {
  const meta = jobMetaOf(job.data);
  const started = performance.now();
  let status = 'failed';
  try {
    const result = await inSpan(`job ${job.name}`, { 'job.queue': queue, 'job.id': String(job.id ?? ''), ...(meta ? { 'request.id': meta.requestId } : {}) }, () => (meta ? runWithRequestContext(meta, () => run(meta)) : run(meta)), contextFrom(meta?.traceparent));
    status = 'completed';
    return result;
  } finally {
    jobDuration.observe({ queue, job: job.name, status }, (performance.now() - started) / 1000);
  }
}
