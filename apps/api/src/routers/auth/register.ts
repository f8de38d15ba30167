import { registerInput } from '@marketdesk/domain';
import { authLimitedProcedure } from '../../trpc/procedures.js';

export const register = authLimitedProcedure.input(registerInput).mutation(async ({ ctx, input }) => {
  const result = await ctx.services.auth.register(ctx.em, input, { ip: ctx.ip, userAgent: ctx.userAgent, now: new Date() });
  ctx.services.sessions.setCookie(ctx.res, result.token, result.expiresAt);
  return result.me;
});
