import { updateProfileInput } from '@marketdesk/domain';
import { authedProcedure, router } from '../../trpc/procedures.js';
import { updateProfile } from '../../services/profile/update-profile.js';

const update = authedProcedure.input(updateProfileInput).mutation(({ ctx, input }) =>
  updateProfile(ctx.em, { userId: ctx.actor.id, displayName: input.displayName, now: new Date() }),
);

export const profileRouter = router({ update });
