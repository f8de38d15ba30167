import { loginInput, loginSecondFactorInput } from '@marketdesk/domain';
import { publicProcedure } from '../../trpc/procedures.js';
import type { Context } from '../../trpc/context.js';

type Outcome =
  | { status: 'signed_in'; me: ReturnType<Context['services']['auth']['me']>; token: string; expiresAt: Date }
  | { status: 'two_factor_required'; challenge: string };

/** Sets the cookie when signed in; otherwise hands the client the challenge for step two. */
function answer(ctx: Context, result: Outcome) {
  if (result.status === 'two_factor_required') return { status: result.status, challenge: result.challenge };
  ctx.services.sessions.setCookie(ctx.res, result.token, result.expiresAt);
  return { status: result.status, ...result.me };
}

const meta = (ctx: Context) => ({ ip: ctx.ip, userAgent: ctx.userAgent, now: new Date() });

/**
 * Step one: email and password. With 2FA on, the answer is a challenge instead of a session.
 * Sign-ins are limited by failures (per account and per IP, in the auth service), not by the
 * per-IP budget of the other auth mutations: people behind one address must not lock each other out.
 */
export const login = publicProcedure.input(loginInput).mutation(async ({ ctx, input }) =>
  answer(ctx, await ctx.services.auth.login(ctx.em, input, meta(ctx))),
);

/** Step two: the challenge plus a TOTP code or a recovery code. */
export const loginSecondFactor = publicProcedure.input(loginSecondFactorInput).mutation(async ({ ctx, input }) =>
  answer(ctx, await ctx.services.auth.loginSecondFactor(ctx.em, input, meta(ctx))),
);
