// Seller identity verification (KYC): the seller submits business details and private documents
// and answers questions, following it live on `seller:{id}`; reviewers decide from the `kyc`
// queue through queues.decide (`get` carries the check's queue row as `queueItem`). Until approved a
// seller cannot publish or withdraw.
import { z } from 'zod';
import { authedProcedure, permissionProcedure, router } from '../../trpc/procedures.js';
import { kycDocumentKinds, kycDocumentLabels, provideKycInfoSchema, submitKycSchema } from '../../services/kyc/kyc-input.js';
import { getKycForReview, myVerification } from '../../services/kyc/read-kyc.js';
import { provideKycInfo, submitKyc } from '../../services/kyc/submit-kyc.js';

const sellers = permissionProcedure('kyc.submit');

const mine = sellers.input(z.void()).query(({ ctx }) => myVerification(ctx.em, ctx.actor, new Date()));

const submit = sellers.input(submitKycSchema).mutation(({ ctx, input }) => submitKyc(ctx.em, ctx.actor, input, new Date()));

const provideInfo = sellers.input(provideKycInfoSchema).mutation(({ ctx, input }) => provideKycInfo(ctx.em, ctx.actor, input, new Date()));

const documentKinds = authedProcedure.input(z.void()).query(() => kycDocumentKinds.map((kind) => ({ kind, label: kycDocumentLabels[kind] })));

/** One check for a reviewer (kyc.review), with its documents and its queue row (what queues.decide takes). */
const get = authedProcedure.input(z.object({ id: z.string().uuid() })).query(({ ctx, input }) => getKycForReview(ctx.em, ctx.actor, input.id, new Date()));

export const kycRouter = router({ mine, submit, provideInfo, documentKinds, get });
