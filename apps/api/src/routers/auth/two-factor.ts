// TOTP two-factor for the signed-in user: status, enrolment (QR), confirmation with recovery codes,
// new recovery codes, turning it off.
import { z } from 'zod';
import { confirmTwoFactorInput, disableTwoFactorInput } from '@marketdesk/domain';
import { authedProcedure } from '../../trpc/procedures.js';

export const twoFactorStatus = authedProcedure.input(z.void()).query(({ ctx }) => ctx.services.twoFactor.statusFor(ctx.em, ctx.actor));

export const beginTwoFactor = authedProcedure.input(z.void()).mutation(({ ctx }) => ctx.services.twoFactor.begin(ctx.em, ctx.actor.id));

export const confirmTwoFactor = authedProcedure.input(confirmTwoFactorInput).mutation(({ ctx, input }) =>
  ctx.services.twoFactor.confirm(ctx.em, ctx.actor.id, input.code, new Date()),
);

export const regenerateRecoveryCodes = authedProcedure.input(confirmTwoFactorInput).mutation(({ ctx, input }) =>
  ctx.services.twoFactor.regenerateRecoveryCodes(ctx.em, ctx.actor.id, input.code),
);

export const disableTwoFactor = authedProcedure.input(disableTwoFactorInput).mutation(({ ctx, input }) =>
  ctx.services.twoFactor.disable(ctx.em, ctx.actor.id, input.password, input.code),
);
