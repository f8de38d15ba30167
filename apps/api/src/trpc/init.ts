// The tRPC instance: superjson, and an error formatter that exposes zod issues as BAD_REQUEST data.
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Context } from './context.js';

export const t = initTRPC.context<Context>().create({
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
