// Fraud and risk: the rules that hold risky checkouts for review (leads edit them, versioned),
// flags on people, and one held order as the review queue's drawer shows it. Decisions on held
// orders go through queues.decide on the `fraud` queue.
import { z } from 'zod';
import { riskRulesSchema } from '@marketdesk/domain';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { orderReview } from '../../services/risk/order-review.js';
import { activeFlags, clearFlag, currentRiskRules, flagUser, saveRiskRules } from '../../services/risk/risk-rules.js';

// Fraud staff only: `risk.review` is held at scope `any` by agents and admins and by no seller or
// buyer role (sellers hold `orders.refund` for their own orders, which says nothing about fraud).
const reviewers = permissionProcedure('risk.review');

const rules = reviewers.input(z.void()).query(({ ctx }) => currentRiskRules(ctx.em));

const saveRules = reviewers.input(z.object({ version: z.number().int().min(0), rules: riskRulesSchema })).mutation(({ ctx, input }) => saveRiskRules(ctx.em, ctx.actor, input, new Date()));

const flags = reviewers.input(z.object({ userId: z.string().uuid() })).query(({ ctx, input }) => activeFlags(ctx.em, input.userId));

const flag = reviewers.input(z.object({ userId: z.string().uuid(), note: z.string().trim().min(3, 'Say why in a few words').max(500) })).mutation(({ ctx, input }) => flagUser(ctx.em, ctx.actor, input, new Date()));

const unflag = reviewers.input(z.object({ flagId: z.string().uuid() })).mutation(({ ctx, input }) => clearFlag(ctx.em, ctx.actor, input, new Date()));

const review = reviewers.input(z.object({ orderId: z.string().uuid() })).query(({ ctx, input }) => orderReview(ctx.em, input.orderId));

export const riskRouter = router({ rules, saveRules, flags, flag, unflag, review });
