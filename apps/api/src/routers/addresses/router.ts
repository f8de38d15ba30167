import { z } from 'zod';
import { shippingAddressSchema } from '@marketdesk/domain';
import { authedProcedure, router } from '../../trpc/procedures.js';
import { addressRepository } from '../../repositories/address-repository.js';
import { AppError } from '../../errors/app-error.js';

const list = authedProcedure.input(z.void()).query(({ ctx }) => addressRepository.list(ctx.em, ctx.actor.id));

const add = authedProcedure
  .input(z.object({ address: shippingAddressSchema, makeDefault: z.boolean().default(false) }))
  .mutation(({ ctx, input }) => ctx.em.transactional((tx) => addressRepository.add(tx, ctx.actor.id, input.address, new Date(), input.makeDefault)));

const remove = authedProcedure.input(z.object({ id: z.string().uuid() })).mutation(async ({ ctx, input }) => {
  if (!(await addressRepository.remove(ctx.em, ctx.actor.id, input.id))) throw new AppError('NOT_FOUND', 'This address does not exist.');
  return { ok: true as const };
});

const makeDefault = authedProcedure.input(z.object({ id: z.string().uuid() })).mutation(async ({ ctx, input }) => {
  if (!(await ctx.em.transactional((tx) => addressRepository.setDefault(tx, ctx.actor.id, input.id)))) throw new AppError('NOT_FOUND', 'This address does not exist.');
  return { ok: true as const };
});

export const addressesRouter = router({ list, add, remove, makeDefault });
