// What a seller sends when submitting records and answering offers (staff decide through
// queues.decide: packages/domain queueDecisionSchema). Bounded everywhere: a submission is at most
// 50 items, photos are the seller's own listing-image uploads.
import { z } from 'zod';
import { gradeSchema } from '@marketdesk/domain';

export const submissionFormats = ['lp', 'ep', 'single', 'box_set', 'cd', 'cassette'] as const;
export type SubmissionFormat = (typeof submissionFormats)[number];

/** Which catalog category accepted stock of each format goes into (by slug, first match wins). */
export const categorySlugsFor: Record<SubmissionFormat, string[]> = {
  lp: ['vinyl'],
  ep: ['vinyl'],
  single: ['vinyl'],
  box_set: ['vinyl'],
  cd: ['cds'],
  cassette: ['cassettes'],
};

const price = z.number().int('Prices are whole cents').min(50, 'At least €0.50').max(10_000_000, 'At most €100,000');
const uuid = z.string().uuid();

export const submissionItemInputSchema = z.object({
  artist: z.string().trim().min(1, 'Name the artist').max(200),
  title: z.string().trim().min(1, 'Name the record').max(200),
  format: z.enum(submissionFormats, { message: 'Choose a format' }),
  grade: gradeSchema,
  askingMinor: price,
  imageIds: z.array(uuid).max(12, 'At most 12 photos per item').default([]),
});

export const createSubmissionSchema = z.object({
  items: z.array(submissionItemInputSchema).min(1, 'Add at least one item').max(50, 'At most 50 items per submission'),
  note: z.string().trim().max(2000).default(''),
});
export type CreateSubmissionInput = z.infer<typeof createSubmissionSchema>;

const target = { submissionId: uuid, version: z.number().int().positive() };
export const respondToOfferSchema = z.discriminatedUnion('response', [
  z.object({ ...target, response: z.literal('accept') }),
  z.object({ ...target, response: z.literal('decline') }),
  z.object({ ...target, response: z.literal('counter'), items: z.array(z.object({ itemId: uuid, counterMinor: price })).min(1).max(50) }),
]);
export type RespondToOfferInput = z.infer<typeof respondToOfferSchema>;

export const provideInfoSchema = z.object({ submissionId: uuid, message: z.string().trim().min(1, 'Write your answer').max(2000) });
