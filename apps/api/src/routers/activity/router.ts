import { z } from 'zod';
import { router, staffProcedure } from '../../trpc/procedures.js';
import { listTeamActivity } from '../../services/activity/list-activity.js';

const list = staffProcedure
  .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
  .query(({ ctx, input }) => listTeamActivity(ctx.em, input.limit));

export const activityRouter = router({ list });
