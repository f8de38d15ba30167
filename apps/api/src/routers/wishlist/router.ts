// A buyer's wishlist (storefront heart button and /wishlist).
import { z } from 'zod';
import { authedProcedure, router } from '../../trpc/procedures.js';
import { wishlistService } from '../../services/wishlist/wishlist-service.js';

const listingId = z.object({ listingId: z.string().uuid() });

const list = authedProcedure.input(z.void()).query(({ ctx }) => wishlistService.list(ctx.em, ctx.actor.id));
const ids = authedProcedure.input(z.void()).query(({ ctx }) => wishlistService.ids(ctx.em, ctx.actor.id));
const save = authedProcedure.input(listingId).mutation(({ ctx, input }) => wishlistService.save(ctx.em, ctx.actor.id, input.listingId, new Date()));
const remove = authedProcedure.input(listingId).mutation(({ ctx, input }) => wishlistService.remove(ctx.em, ctx.actor.id, input.listingId));

export const wishlistRouter = router({ list, ids, save, remove });
