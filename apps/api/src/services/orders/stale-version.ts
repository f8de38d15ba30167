// The one answer to an order write that lost a version race: CONFLICT with the order's current
// state, so callers see what happened, and a retry helper for writers that act for the system
// (payment settlement, expiry) rather than for a person who should reload.
import { AppError } from '../../errors/app-error.js';

export function staleOrder(current?: { state: string; version: number }): AppError {
  const now = current ? ` (it is now ${current.state.replace(/_/g, ' ')})` : '';
  return new AppError('CONFLICT', `This order changed since you opened it${now}. Reload to see the latest.`, {
    reason: 'STALE_VERSION',
    ...(current ? { state: current.state, currentVersion: current.version } : {}),
  });
}

export function isStaleVersion(err: unknown): boolean {
  return err instanceof AppError && err.code === 'CONFLICT' && (err.details as { reason?: unknown } | undefined)?.reason === 'STALE_VERSION';
}

/** Runs a whole transaction again when it lost a version race (it rolled back: nothing was published). */
export async function retryOnStaleVersion<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !isStaleVersion(err)) throw err;
    }
  }
}
