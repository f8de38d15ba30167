// Seller withdrawals and the admin payout list (the live triage queue view arrives with the queues).
import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { payoutRepository } from '../../repositories/payout-repository.js';
import { cancelPayout, decidePayout, payoutView, requestPayout } from '../../services/payouts/payout-service.js';
import { sellerBalances } from '../../services/ledger/seller-balances.js';

const target = { id: z.string().uuid(), version: z.number().int().positive() };

const request = permissionProcedure('payouts.request')
  .input(z.object({ amountMinor: z.number().int().positive().max(100_000_000), currency: z.literal('EUR').default('EUR') }))
  .mutation(async ({ ctx, input }) => payoutView(await requestPayout(ctx.em, ctx.actor, input, ctx.services.config.PAYOUT_MIN_MINOR, new Date())));

/** The seller's balances (pending, available, reserved, in transit, paid out) and payout history. */
const mine = permissionProcedure('payouts.view')
  .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
  .query(async ({ ctx, input }) => {
    const [balances, paidOutMinor, payouts] = await Promise.all([
      sellerBalances(ctx.em, ctx.actor.id),
      payoutRepository.paidOutMinor(ctx.em, ctx.actor.id),
      payoutRepository.listForSeller(ctx.em, ctx.actor.id, input.limit),
    ]);
    const eur = balances.find((b) => b.currency === 'EUR') ?? { currency: 'EUR', pendingMinor: 0, availableMinor: 0, reservedMinor: 0, inTransitMinor: 0 };
    return { balance: { ...eur, paidOutMinor }, minimumMinor: ctx.services.config.PAYOUT_MIN_MINOR, payouts: payouts.map(payoutView) };
  });

const cancel = permissionProcedure('payouts.request').input(z.object(target)).mutation(async ({ ctx, input }) => payoutView(await cancelPayout(ctx.em, ctx.actor, input, new Date())));

const queue = permissionProcedure('payouts.approve')
  .input(z.object({ states: z.array(z.enum(['requested', 'approved', 'processing', 'paid', 'failed', 'rejected'])).min(1).max(6).default(['requested']) }).default({ states: ['requested'] }))
  .query(async ({ ctx, input }) => (await payoutRepository.listByStates(ctx.em, input.states, 200)).map(payoutView));

const decide = permissionProcedure('payouts.approve')
  .input(
    z.discriminatedUnion('decision', [
      z.object({ ...target, decision: z.literal('approve') }),
      z.object({ ...target, decision: z.literal('reject'), reason: z.string().trim().min(3, 'Say why, so the seller knows').max(500) }),
    ]),
  )
  .mutation(async ({ ctx, input }) => payoutView(await decidePayout(ctx.em, ctx.actor, input, new Date())));

export const payoutsRouter = router({ request, mine, cancel, queue, decide });
