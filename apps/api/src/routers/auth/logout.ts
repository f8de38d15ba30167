import { z } from 'zod';
import { authedProcedure } from '../../trpc/procedures.js';

export const logout = authedProcedure.input(z.void()).mutation(async ({ ctx }) => {
  await ctx.services.auth.logout(ctx.em, ctx.actor.sessionId);
  ctx.services.sessions.clearCookie(ctx.res);
  return { ok: true as const };
});

export const logoutEverywhere = authedProcedure.input(z.void()).mutation(async ({ ctx }) => {
  const result = await ctx.services.auth.logoutEverywhere(ctx.em, ctx.actor.id);
  ctx.services.sessions.clearCookie(ctx.res);
  return result;
});
