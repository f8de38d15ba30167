// The tRPC instance: superjson, and an error formatter that exposes zod issues as BAD_REQUEST data.
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Permission, Role } from '@marketdesk/domain';
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
