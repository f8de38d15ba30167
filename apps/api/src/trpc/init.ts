// The tRPC instance: superjson, and an error formatter that exposes zod issues as BAD_REQUEST data.
import { initTRPC, type TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { trpcMaxBatchItems, type Permission, type Role } from '@marketdesk/domain';
import type { Context } from './context.js';

/**
 * What a procedure demands, set by the builders in procedures.ts: `public`, `signed-in` (object
 * checks in the service), a `permission`, or one of some `roles`.
 */
export interface ProcedureMeta {
  access: 'public' | 'signed-in' | 'permission' | 'role';
  permission?: Permission;
  roles?: Role[];
}

export const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const zodIssues = cause instanceof ZodError ? cause.issues : null;
    return {
      ...shape,
      // A readable summary instead of the raw issue JSON; the issues themselves travel in data.
      message: zodIssues
        ? zodIssues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')
        : isBatchTooLarge(error)
          ? `A request may batch at most ${trpcMaxBatchItems} calls; send the rest in another request.`
          : shape.message,
      data: {
        ...shape.data,
        // Never leak stack traces to clients.
        stack: undefined,
        zodIssues,
        details: cause && 'details' in cause ? (cause as { details: unknown }).details : null,
      },
    };
  },
});

/** tRPC's refusal of a batch over maxBatchSize (it names no limit; the formatter above does). */
function isBatchTooLarge(error: TRPCError): boolean {
  return error.code === 'BAD_REQUEST' && error.message === 'Batch call exceeds maximum size';
}
