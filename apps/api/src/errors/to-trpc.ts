// The one mapping from AppError codes to tRPC error codes.
import { TRPCError } from '@trpc/server';
import { AppError, type AppErrorCode } from './app-error.js';
import { databaseUnavailableMessage, isDatabaseUnavailable } from './database-unavailable.js';

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
  if (isDatabaseUnavailable(error)) return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: databaseUnavailableMessage, cause: error as Error });
  return null;
}
