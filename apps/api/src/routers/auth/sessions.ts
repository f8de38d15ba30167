import { z } from 'zod';
import { authedProcedure } from '../../trpc/procedures.js';

export const sessions = authedProcedure.input(z.void()).query(({ ctx }) =>
  ctx.services.auth.listSessions(ctx.em, ctx.actor.id, ctx.actor.sessionId),
);

export const revokeSession = authedProcedure
  .input(z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/, 'Not a session id') }))
  .mutation(async ({ ctx, input }) => {
    await ctx.services.auth.revokeSession(ctx.em, ctx.actor.id, input.sessionId);
    if (input.sessionId === ctx.actor.sessionId) ctx.services.sessions.clearCookie(ctx.res);
    return { ok: true as const };
  });
