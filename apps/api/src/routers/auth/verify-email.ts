// Email verification: the link mailed at registration (or on request) confirms the address.
import { z } from 'zod';
import { verifyEmailInput } from '@marketdesk/domain';
import { authedProcedure, authLimitedProcedure } from '../../trpc/procedures.js';

export const verifyEmail = authLimitedProcedure.input(verifyEmailInput).mutation(({ ctx, input }) =>
  ctx.services.accountSecurity.verifyEmail(ctx.em, input.token, new Date()),
);

export const requestEmailVerification = authedProcedure.input(z.void()).mutation(({ ctx }) =>
  ctx.services.accountSecurity.requestVerification(ctx.em, ctx.actor.id, new Date()),
);
