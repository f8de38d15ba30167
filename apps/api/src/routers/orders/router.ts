import { z } from 'zod';
import { authedProcedure, permissionProcedure, router } from '../../trpc/procedures.js';
import { buyerOrders, getOrder, sellerOrders } from '../../services/orders/order-views.js';
import { cancelOrder, confirmReceipt, markDelivered, shipOrder } from '../../services/orders/fulfillment.js';
import { carrierIds, orderMachine, type Carrier, type OrderState } from '@marketdesk/domain';

// The order machine's states are the filter's vocabulary (unpaid orders never match: the seller's
// list holds paid-and-later orders only).
const orderStates = z.enum(orderMachine.stateNames as [OrderState, ...OrderState[]]);

const mine = authedProcedure
  .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
  .query(({ ctx, input }) => buyerOrders(ctx.em, ctx.actor.id, input.limit));

const selling = permissionProcedure('orders.ship')
  .input(
    z
      .object({
        states: z.array(orderStates).max(orderMachine.stateNames.length).optional(),
        q: z.string().trim().max(100).optional(),
        limit: z.number().int().min(1).max(200).default(50),
        offset: z.number().int().min(0).max(100_000).default(0),
      })
      .default({ limit: 50, offset: 0 }),
  )
  .query(({ ctx, input }) => sellerOrders(ctx.em, ctx.actor.id, { states: input.states ?? null, q: input.q || undefined, limit: input.limit, offset: input.offset }));

const settingsOf = (config: { AUTO_COMPLETE_DAYS: number }) => ({ autoCompleteAfterMs: config.AUTO_COMPLETE_DAYS * 86_400_000 });
const target = { id: z.string().uuid(), version: z.number().int().positive() };

// The grant gates the call and, through the order machine's `ship` edge, the object: an edited
// `orders.ship` grant moves the console's button and the API's answer together.
const ship = permissionProcedure('orders.ship')
  .input(z.object({ ...target, carrier: z.enum(carrierIds as [Carrier, ...Carrier[]]), trackingNumber: z.string().trim().min(4).max(60), proofId: z.string().uuid().optional() }))
  .mutation(async ({ ctx, input }) => toOrderState(await shipOrder(ctx.em, ctx.actor, input, settingsOf(ctx.services.config), new Date())));

const markDeliveredProcedure = authedProcedure.input(z.object(target)).mutation(async ({ ctx, input }) => toOrderState(await markDelivered(ctx.em, ctx.actor, input, settingsOf(ctx.services.config), new Date())));

const confirmReceiptProcedure = authedProcedure.input(z.object(target)).mutation(async ({ ctx, input }) => toOrderState(await confirmReceipt(ctx.em, ctx.actor, input, settingsOf(ctx.services.config), new Date())));

const cancel = authedProcedure
  .input(z.object({ ...target, reason: z.string().trim().min(3, 'Say why the order is cancelled').max(1000) }))
  .mutation(async ({ ctx, input }) => toOrderState(await cancelOrder(ctx.em, ctx.services.gateway !== null, ctx.actor, input, settingsOf(ctx.services.config), new Date())));

const toOrderState = (o: { id: string; state: string; version: number }) => ({ id: o.id, state: o.state, version: o.version });

const get = authedProcedure.input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => getOrder(ctx.em, ctx.actor, input.id));

export const ordersRouter = router({ mine, selling, get, ship, markDelivered: markDeliveredProcedure, confirmReceipt: confirmReceiptProcedure, cancel });
