// Seller identity verification (KYC): the seller submits business details and private documents
// and answers questions, following it live on `seller:{id}`; reviewers decide from the `kyc`
// queue (queues.decide / kyc.decide). Until approved a seller cannot publish or withdraw.
import { z } from 'zod';
import { authedProcedure, permissionProcedure, router } from '../../trpc/procedures.js';
import { decideKycSchema, kycDocumentKinds, kycDocumentLabels, provideKycInfoSchema, submitKycSchema } from '../../services/kyc/kyc-input.js';
import { getKycForReview, myVerification } from '../../services/kyc/read-kyc.js';
import { provideKycInfo, submitKyc } from '../../services/kyc/submit-kyc.js';
import { decideKycCheck } from '../../services/kyc/decide-kyc-check.js';
import { submissionSettingsFrom } from '../../services/submissions/submission-settings.js';

const sellers = permissionProcedure('kyc.submit');

const mine = sellers.input(z.void()).query(({ ctx }) => myVerification(ctx.em, ctx.actor.id));

const submit = sellers.input(submitKycSchema).mutation(({ ctx, input }) => submitKyc(ctx.em, ctx.actor, input, new Date()));

const provideInfo = sellers.input(provideKycInfoSchema).mutation(({ ctx, input }) => provideKycInfo(ctx.em, ctx.actor, input, new Date()));

const documentKinds = authedProcedure.input(z.void()).query(() => kycDocumentKinds.map((kind) => ({ kind, label: kycDocumentLabels[kind] })));

/** One check for a reviewer (kyc.review), with its documents. */
const get = authedProcedure.input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => getKycForReview(ctx.em, ctx.actor, input.id));

/** A decision addressed by the check (same rules as queues.decide on its row). */
const decide = permissionProcedure('kyc.review')
  .input(decideKycSchema)
  .mutation(({ ctx, input }) => decideKycCheck(ctx.em, ctx.actor, input, submissionSettingsFrom(ctx.services.config), new Date()));

export const kycRouter = router({ mine, submit, provideInfo, documentKinds, get, decide });
