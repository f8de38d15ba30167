// Catalog look-ups (Discogs) for sellers and staff: prefill listings and submission items, and a
// suggested price from the pricing engine. `capabilities` tells the console whether to show them.
import { gradeSchema } from '@marketdesk/domain';
import { z } from 'zod';
import { authedProcedure, roleProcedure, router } from '../../trpc/procedures.js';

const lookup = roleProcedure('seller', 'agent', 'admin');

const capabilities = authedProcedure.input(z.void()).query(({ ctx }) => ({ discogs: ctx.services.enrichment.enabled }));

const search = lookup
  .input(z.object({ q: z.string().trim().max(200).optional(), artist: z.string().trim().max(200).optional(), title: z.string().trim().max(200).optional(), format: z.string().trim().max(40).optional() }))
  .query(({ ctx, input }) => ctx.services.enrichment.search(ctx.em, input, new Date()));

const release = lookup.input(z.object({ releaseId: z.number().int().positive() })).query(({ ctx, input }) => ctx.services.enrichment.release(ctx.em, input.releaseId, new Date()));

const suggestPrice = lookup
  .input(z.object({ releaseId: z.number().int().positive(), grade: gradeSchema, currency: z.literal('EUR').default('EUR') }))
  .query(({ ctx, input }) => ctx.services.enrichment.suggest(ctx.em, input, new Date()));

export const enrichmentRouter = router({ capabilities, search, release, suggestPrice });
