import { loginInput } from '@marketdesk/domain';
import { publicProcedure } from '../../trpc/procedures.js';

export const login = publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
  const result = await ctx.services.auth.login(ctx.em, input, { ip: ctx.ip, userAgent: ctx.userAgent, now: new Date() });
  ctx.services.sessions.setCookie(ctx.res, result.token, result.expiresAt);
  return result.me;
});
