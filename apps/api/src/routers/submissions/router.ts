// Seller submissions (record store): submit for an instant indicative quote, follow it live on
// `seller:{id}`, answer offers; staff decide through queues.decide on the `submissions` queue
// row (`get` carries it as `queueItem`), counter-offers included.
import { z } from 'zod';
import { permissionProcedure, router } from '../../trpc/procedures.js';
import { createSubmission } from '../../services/submissions/create-submission.js';
import { provideInfo, respondToOffer } from '../../services/submissions/respond-to-offer.js';
import { createSubmissionSchema, provideInfoSchema, respondToOfferSchema } from '../../services/submissions/submission-input.js';
import { getSubmission, mySubmissions } from '../../services/submissions/read-submissions.js';
import { submissionSettingsFrom } from '../../services/submissions/submission-settings.js';

const sellers = permissionProcedure('submissions.create');

const create = sellers.input(createSubmissionSchema).mutation(({ ctx, input }) => createSubmission(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), new Date()));

const mine = sellers
  .input(z.object({ limit: z.number().int().min(1).max(100).default(50) }).default({ limit: 50 }))
  .query(({ ctx, input }) => mySubmissions(ctx.em, ctx.actor, input.limit, submissionSettingsFrom(ctx.services.config), new Date()));

const get = permissionProcedure('submissions.view').input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => getSubmission(ctx.em, ctx.actor, input.id, submissionSettingsFrom(ctx.services.config), new Date()));

const respond = sellers.input(respondToOfferSchema).mutation(({ ctx, input }) => respondToOffer(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), new Date()));

const answerInfo = sellers.input(provideInfoSchema).mutation(({ ctx, input }) => provideInfo(ctx.em, ctx.actor, input, new Date()));


export const submissionsRouter = router({ create, mine, get, respond, provideInfo: answerInfo });
