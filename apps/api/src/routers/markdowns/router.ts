// Pricing policies and markdowns: admins manage policy versions, preview and apply a policy to a
// filtered set of listings, and run markdowns now; sellers and staff read a listing's price plan.
import { z } from 'zod';
import { authedProcedure, roleProcedure, router } from '../../trpc/procedures.js';
import { applyBulkPolicy, bulkFilterSchema, previewBulkPolicy } from '../../services/markdowns/bulk-policy.js';
import { listPolicies, policyInputSchema, savePolicyVersion } from '../../services/markdowns/policies.js';
import { listingPriceHistory } from '../../services/markdowns/price-history.js';
import { runMarkdowns } from '../../services/markdowns/run-markdowns.js';

const admin = roleProcedure('admin');

const policies = admin.input(z.void()).query(({ ctx }) => listPolicies(ctx.em, new Date()));
const savePolicy = admin.input(policyInputSchema).mutation(({ ctx, input }) => savePolicyVersion(ctx.em, ctx.actor.id, input, new Date()));

const bulk = z.object({ policyVersionId: z.string().uuid(), filter: bulkFilterSchema });
const preview = admin.input(bulk).query(({ ctx, input }) => previewBulkPolicy(ctx.em, input, new Date()));
const apply = admin.input(bulk.extend({ previewToken: z.string().regex(/^[a-f0-9]{32}$/) })).mutation(({ ctx, input }) => applyBulkPolicy(ctx.em, ctx.actor.id, input, new Date()));

const runNow = admin.input(z.void()).mutation(({ ctx }) => runMarkdowns(ctx.em, new Date()));

const priceHistory = authedProcedure.input(z.object({ listingId: z.string().uuid() })).query(({ ctx, input }) => listingPriceHistory(ctx.em, ctx.actor, input.listingId, new Date()));

export const markdownsRouter = router({ policies, savePolicy, preview, applyPolicy: apply, runNow, priceHistory });
