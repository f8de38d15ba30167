// Who is acting and from where, carried implicitly (AsyncLocalStorage) from the tRPC call into the
// services, so an audit row written deep inside a ledger posting still names the person, their
// roles, the request id, IP and user agent. Jobs and webhooks run without one: the system acts.
import { AsyncLocalStorage } from 'node:async_hooks';
import { currentRequestContext } from '../../observability/request-context.js';

export interface AuditContext {
  actor: { id: string; roles: readonly string[] } | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<AuditContext>();

export function runWithAuditContext<T>(ctx: AuditContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

/** The current context; outside a tRPC call, only the request id (when there is one) is known. */
export function currentAuditContext(): AuditContext {
  return storage.getStore() ?? { actor: null, requestId: currentRequestContext()?.requestId ?? null, ip: null, userAgent: null };
}
