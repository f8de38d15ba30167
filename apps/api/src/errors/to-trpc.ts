// The one mapping from AppError codes to tRPC error codes.
import { TRPCError } from '@trpc/server';
import { AppError, type AppErrorCode } from './app-error.js';
import { databaseUnavailableMessage, isDatabaseUnavailable, isRedisUnavailable, redisUnavailableMessage } from './database-unavailable.js';

const trpcCode: Record<AppErrorCode, TRPCError['code']> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  UNAVAILABLE: 'SERVICE_UNAVAILABLE',
};

export function toTrpcError(error: unknown): TRPCError | null {
  if (error instanceof AppError) {
    return new TRPCError({ code: trpcCode[error.code], message: error.message, cause: error });
  }
  // Two writes raced on one versioned row (rule 4): the loser is refused as stale, never a 500.
  if ((error as Error | null)?.name === 'OptimisticLockError') {
    return new TRPCError({ code: 'CONFLICT', message: 'Someone else changed this at the same moment. Reload it and try again.', cause: error as Error });
  }
  if (isDatabaseUnavailable(error)) return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: databaseUnavailableMessage, cause: error as Error });
  if (isRedisUnavailable(error)) return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: redisUnavailableMessage, cause: error as Error });
  return null;
}
