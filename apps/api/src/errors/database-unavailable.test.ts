import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isRedisUnavailable } from './database-unavailable.js';
import { toTrpcError } from './to-trpc.js';

describe('database outages and write races map to clean tRPC errors', () => {
  it('recognises connection failures, also when wrapped', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('outer', { cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) }))).toBe(true);
    // pg.Pool's words when no connection frees up in time (db/src/raw-sql.int.test.ts starves a pool for it).
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('duplicate key value violates unique constraint'))).toBe(false);
  });

  it('answers 503 for an outage and 409 for a lost optimistic-lock race', () => {
    expect(toTrpcError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))?.code).toBe('SERVICE_UNAVAILABLE');
    const race = Object.assign(new Error('The optimistic lock on entity User failed'), { name: 'OptimisticLockError' });
    expect(toTrpcError(race)?.code).toBe('CONFLICT');
    expect(toTrpcError(new Error('a bug'))).toBeNull();
  });

  it('answers 503 when Redis gives up on a command', () => {
    const gaveUp = Object.assign(new Error('Reached the max retries per request limit (which is 2).'), { name: 'MaxRetriesPerRequestError' });
    expect(isRedisUnavailable(gaveUp)).toBe(true);
    expect(isDatabaseUnavailable(gaveUp)).toBe(false);
    expect(toTrpcError(gaveUp)?.code).toBe('SERVICE_UNAVAILABLE');
  });
});
