// Recognises "the database cannot be reached right now" (server down, restarting, connections cut,
// pool starved) as opposed to a bug, so callers get a 503 with a readable message — not a 500
// carrying a socket error — and retry once PostgreSQL is back.
const codes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);
// 'timeout exceeded when trying to connect': pg.Pool gave up waiting for a free (or new) connection.
const messages = /Connection terminated|timeout exceeded when trying to connect|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name, message } = e as { code?: unknown; name?: unknown; message?: unknown };
    if (name === 'ConnectionException') return true;
    if (typeof code === 'string' && codes.has(code)) return true;
    if (typeof message === 'string' && messages.test(message)) return true;
  }
  return false;
}

export const databaseUnavailableMessage = 'The database is unavailable right now. Please try again in a moment.';

/** Redis gone (restarting, unreachable): ioredis gives up on a command or refuses to queue it. */
export function isRedisUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (name === 'MaxRetriesPerRequestError') return true;
    if (typeof message === 'string' && /^Connection is closed\.?$|Stream isn't writeable and enableOfflineQueue options is false/.test(message)) return true;
  }
  return false;
}

export const redisUnavailableMessage = 'This is unavailable for a moment (a background service is restarting). Please try again shortly.';
