// Seller withdrawals, and what approvers see of one; approvers decide through queues.decide on the
// payout's `payouts` queue row, which `get` carries as `queueItem`.
import { z } from 'zod';
import { payoutMachine, type PayoutState } from '@marketdesk/domain';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { cancelPayout, payoutForReview, payoutQueue, payoutView, requestPayout, sellerPayoutOverview } from '../../services/payouts/payout-service.js';

const target = { id: z.string().uuid(), version: z.number().int().positive() };
const payoutStates = z.enum(payoutMachine.stateNames as [PayoutState, ...PayoutState[]]);

const request = permissionProcedure('payouts.request')
  .input(z.object({ amountMinor: z.number().int().positive().max(100_000_000), currency: z.literal('EUR').default('EUR') }))
  .mutation(async ({ ctx, input }) => payoutView(await requestPayout(ctx.em, ctx.actor, input, ctx.services.config.PAYOUT_MIN_MINOR, new Date())));

/** The seller's balances (pending, available, reserved, in transit, paid out) and payout history. */
const mine = permissionProcedure('payouts.view')
  .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
  .query(({ ctx, input }) => sellerPayoutOverview(ctx.em, ctx.actor.id, ctx.actor, input.limit, ctx.services.config.PAYOUT_MIN_MINOR));

const cancel = permissionProcedure('payouts.request').input(z.object(target)).mutation(async ({ ctx, input }) => payoutView(await cancelPayout(ctx.em, ctx.actor, input, new Date())));

const queue = permissionProcedure('payouts.approve')
  .input(z.object({ states: z.array(payoutStates).min(1).max(payoutMachine.stateNames.length).default(['requested']) }).default({ states: ['requested'] }))
  .query(({ ctx, input }) => payoutQueue(ctx.em, input.states));

/** One payout for the approver (the `payouts` queue drawer), with its queue row. */
const get = permissionProcedure('payouts.approve').input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => payoutForReview(ctx.em, ctx.actor, input.id, ctx.services.config.PAYOUT_MIN_MINOR, new Date()));

export const payoutsRouter = router({ request, mine, cancel, queue, get });
