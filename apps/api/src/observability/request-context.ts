// The request a piece of work belongs to, carried implicitly (AsyncLocalStorage) from the HTTP
// request into services, so an outbox row can remember it and hand it on to jobs and live events.
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  /** W3C traceparent of the active span when tracing is on. */
  traceparent?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
