import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { listTeamActivity } from '../../services/activity/list-activity.js';

const list = permissionProcedure('activity.view')
  .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
  .query(({ ctx, input }) => listTeamActivity(ctx.em, ctx.actor, input.limit));

export const activityRouter = router({ list });
