// The request a piece of work belongs to, carried implicitly (AsyncLocalStorage) from the HTTP
// request into services, so an outbox row can remember it and hand it on to jobs and live events.
import { AsyncLocalStorage } from 'node:async_hooks';
import { injectTraceContext, type TraceCarrier } from './tracing.js';

export interface RequestContext {
  requestId: string;
}

/**
 * What work done now hands on to the work it causes (an outbox row's `trace`, a job payload's
 * `_meta`): the request id, and the active W3C trace context when tracing is on.
 */
export interface HandedOnContext extends TraceCarrier {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run({ requestId: ctx.requestId }, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The context to hand on, or undefined outside a request (and the jobs and events it caused). */
export function handedOnContext(): HandedOnContext | undefined {
  const ctx = storage.getStore();
  return ctx ? { requestId: ctx.requestId, ...injectTraceContext() } : undefined;
}
