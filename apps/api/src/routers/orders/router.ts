import { z } from 'zod';
import { authedProcedure, permissionProcedure, router } from '../../trpc/procedures.js';
import { orderRepository } from '../../repositories/order-repository.js';
import { getOrder, toOrderSummary } from '../../services/orders/order-views.js';

const orderStates = ['paid', 'shipped', 'delivered', 'completed', 'cancelled', 'refunded', 'partially_refunded', 'disputed'] as const;

const mine = authedProcedure
  .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
  .query(async ({ ctx, input }) => (await orderRepository.listForBuyer(ctx.em, ctx.actor.id, input.limit)).map(toOrderSummary));

const selling = permissionProcedure('orders.ship')
  .input(z.object({ states: z.array(z.enum(orderStates)).max(8).optional(), limit: z.number().int().min(1).max(200).default(100) }).default({ limit: 100 }))
  .query(async ({ ctx, input }) => (await orderRepository.listForSeller(ctx.em, ctx.actor.id, input.states ?? null, input.limit)).map(toOrderSummary));

const get = authedProcedure.input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => getOrder(ctx.em, ctx.actor, input.id));

export const ordersRouter = router({ mine, selling, get });
