// Disputes: the buyer opens one on a shipped or delivered order, the parties add evidence and
// follow it live (`order:{id}`, `seller:{id}`, `user:{id}`); agents work them from the `disputes`
// queue (claims as every queue), ask a party, escalate, and resolve with a refund.
import { z } from 'zod';
import { authedProcedure, permissionProcedure, router } from '../../trpc/procedures.js';
import { addEvidenceSchema, buyerDisputeReasons, disputeActionSchema, disputeReasonLabels, openDisputeSchema, resolveDisputeSchema } from '../../services/disputes/dispute-input.js';
import { disputeSettingsFrom } from '../../services/disputes/dispute-settings.js';
import { addEvidence, openDispute } from '../../services/disputes/open-dispute.js';
import { disputesOfOrder, getDisputeForStaff, myDisputes } from '../../services/disputes/read-disputes.js';
import { actOnDispute, resolveDispute } from '../../services/disputes/resolve-dispute.js';

const open = permissionProcedure('disputes.open').input(openDisputeSchema).mutation(({ ctx, input }) => openDispute(ctx.em, ctx.actor, input, disputeSettingsFrom(ctx.services.config), new Date()));

const reasons = authedProcedure.input(z.void()).query(() => buyerDisputeReasons.map((code) => ({ code, label: disputeReasonLabels[code]! })));

const mine = permissionProcedure('disputes.view')
  .input(z.object({ limit: z.number().int().min(1).max(100).default(50) }).default({ limit: 50 }))
  .query(({ ctx, input }) => myDisputes(ctx.em, ctx.actor, input.limit, new Date()));

const forOrder = permissionProcedure('disputes.view').input(z.object({ orderId: z.string().uuid() })).query(({ ctx, input }) => disputesOfOrder(ctx.em, ctx.actor, input.orderId, new Date()));

const evidence = permissionProcedure('disputes.view').input(addEvidenceSchema).mutation(({ ctx, input }) => addEvidence(ctx.em, ctx.actor, input, disputeSettingsFrom(ctx.services.config), new Date()));

/** Staff: one dispute with SLA, order ledger and upcoming automatic effects. */
const get = permissionProcedure('disputes.view').input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => getDisputeForStaff(ctx.em, ctx.actor, input.id, disputeSettingsFrom(ctx.services.config), new Date()));

/** Staff steps on the queue row's version: ask seller / buyer, start review, escalate. */
const act = permissionProcedure('disputes.handle').input(disputeActionSchema).mutation(({ ctx, input }) => actOnDispute(ctx.em, ctx.actor, input, disputeSettingsFrom(ctx.services.config), new Date()));

const resolve = permissionProcedure('disputes.handle')
  .input(resolveDisputeSchema)
  .mutation(({ ctx, input }) => resolveDispute(ctx.em, ctx.services.gateway !== null, ctx.actor, input, disputeSettingsFrom(ctx.services.config), new Date()));

export const disputesRouter = router({ open, reasons, mine, forOrder, evidence, get, act, resolve });
