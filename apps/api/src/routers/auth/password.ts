// Forgotten and changed passwords. Reset answers are the same whether or not the address exists.
import { changePasswordInput, requestPasswordResetInput, resetPasswordInput } from '@marketdesk/domain';
import { authedProcedure, authLimitedProcedure } from '../../trpc/procedures.js';

export const requestPasswordReset = authLimitedProcedure.input(requestPasswordResetInput).mutation(({ ctx, input }) =>
  ctx.services.accountSecurity.requestPasswordReset(ctx.em, input.email, new Date()),
);

export const resetPassword = authLimitedProcedure.input(resetPasswordInput).mutation(({ ctx, input }) =>
  ctx.services.accountSecurity.resetPassword(ctx.em, input.token, input.password, new Date()),
);

/** Needs the current password; every other device is signed out. */
export const changePassword = authedProcedure.input(changePasswordInput).mutation(({ ctx, input }) =>
  ctx.services.accountSecurity.changePassword(ctx.em, ctx.actor, input.currentPassword, input.newPassword, { ip: ctx.ip }),
);
