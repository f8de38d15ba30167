import { z } from 'zod';
import { authedProcedure, router } from '../../trpc/procedures.js';
import { notificationRepository } from '../../repositories/notification-repository.js';
import { notificationKindLabels, notificationKinds } from '../../services/notifications/notification-rules.js';

const list = authedProcedure
  .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
  .query(({ ctx, input }) => notificationRepository.list(ctx.em, ctx.actor.id, input.limit));

const markRead = authedProcedure
  .input(z.object({ ids: z.union([z.array(z.string().uuid()).max(100), z.literal('all')]) }))
  .mutation(async ({ ctx, input }) => ({ marked: await notificationRepository.markRead(ctx.em, ctx.actor.id, input.ids, new Date()) }));

const preferences = authedProcedure.input(z.void()).query(async ({ ctx }) => {
  const saved = await notificationRepository.preferences(ctx.em, ctx.actor.id);
  return notificationKinds.map((kind) => ({ kind, label: notificationKindLabels[kind], ...(saved.get(kind) ?? { inApp: true, email: true }) }));
});

const setPreference = authedProcedure
  .input(z.object({ kind: z.enum(notificationKinds), inApp: z.boolean(), email: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    await notificationRepository.setPreference(ctx.em, ctx.actor.id, input.kind, input);
    return { ok: true as const };
  });

export const notificationsRouter = router({ list, markRead, preferences, setPreference });
