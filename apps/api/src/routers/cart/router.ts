import { z } from 'zod';
import { authedProcedure, publicProcedure, router } from '../../trpc/procedures.js';
import { cartLinesSchema, cartPreviewSchema, cartService, previewCart } from '../../services/checkout/cart-service.js';
import { countryCodeSchema } from '@marketdesk/domain';

const get = authedProcedure
  .input(z.object({ country: countryCodeSchema.default('DE') }).default({ country: 'DE' }))
  .query(async ({ ctx, input }) => previewCart(ctx.em, await cartService.lines(ctx.em, ctx.actor.id), input.country, ctx.services.config.PLATFORM_FEE_BP, ctx.actor.id));

/** Guests price their local-storage cart with the same rules. */
const preview = publicProcedure.input(cartPreviewSchema).query(({ ctx, input }) => previewCart(ctx.em, input.lines, input.country, ctx.services.config.PLATFORM_FEE_BP, ctx.actor?.id ?? null));

const set = authedProcedure
  .input(z.object({ listingId: z.string().uuid(), quantity: z.number().int().min(0).max(99) }))
  .mutation(async ({ ctx, input }) => {
    await cartService.set(ctx.em, ctx.actor.id, input, new Date());
    return { ok: true as const };
  });

const merge = authedProcedure.input(z.object({ lines: cartLinesSchema })).mutation(async ({ ctx, input }) => {
  await cartService.merge(ctx.em, ctx.actor.id, input.lines, new Date());
  return { lines: await cartService.lines(ctx.em, ctx.actor.id) };
});

export const cartRouter = router({ get, preview, set, merge });
