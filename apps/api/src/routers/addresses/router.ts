import { z } from 'zod';
import { shippingAddressSchema } from '@marketdesk/domain';
import { authedProcedure, router } from '../../trpc/procedures.js';
import { addressBook } from '../../services/checkout/address-book.js';

const byId = z.object({ id: z.string().uuid() });

const list = authedProcedure.input(z.void()).query(({ ctx }) => addressBook.list(ctx.em, ctx.actor.id));
const add = authedProcedure
  .input(z.object({ address: shippingAddressSchema, makeDefault: z.boolean().default(false) }))
  .mutation(({ ctx, input }) => addressBook.add(ctx.em, ctx.actor.id, input.address, input.makeDefault, new Date()));
const remove = authedProcedure.input(byId).mutation(({ ctx, input }) => addressBook.remove(ctx.em, ctx.actor.id, input.id));
const makeDefault = authedProcedure.input(byId).mutation(({ ctx, input }) => addressBook.makeDefault(ctx.em, ctx.actor.id, input.id));

export const addressesRouter = router({ list, add, remove, makeDefault });
