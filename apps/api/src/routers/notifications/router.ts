import { z } from 'zod';
import { authedProcedure, router } from '../../trpc/procedures.js';
import { notificationCentre } from '../../services/notifications/notification-centre.js';
import { notificationKinds } from '../../services/notifications/notification-rules.js';

const list = authedProcedure
  .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
  .query(({ ctx, input }) => notificationCentre.list(ctx.em, ctx.actor.id, input.limit));

const markRead = authedProcedure
  .input(z.object({ ids: z.union([z.array(z.string().uuid()).max(100), z.literal('all')]) }))
  .mutation(({ ctx, input }) => notificationCentre.markRead(ctx.em, ctx.actor.id, input.ids, new Date()));

const preferences = authedProcedure.input(z.void()).query(({ ctx }) => notificationCentre.preferences(ctx.em, ctx.actor.id));

const setPreference = authedProcedure
  .input(z.object({ kind: z.enum(notificationKinds), inApp: z.boolean(), email: z.boolean() }))
  .mutation(({ ctx, input }) => notificationCentre.setPreference(ctx.em, ctx.actor.id, input));

export const notificationsRouter = router({ list, markRead, preferences, setPreference });
