// Seller submission events (goods offered to the marketplace), for `queue:submissions` and the seller.
import { z } from 'zod';
import { amountFields, eventId, minor, transitionFields } from './transition-fields.js';

const submission = { submissionId: eventId, sellerId: eventId, ...transitionFields };

export const submissionEventPayloads = {
  'submission.submitted': z.object({ ...submission, itemCount: z.number().int() }),
  'submission.claimed': z.object({ ...submission, reviewerId: eventId }),
  'submission.released': z.object(submission),
  'submission.quoted': z.object({ ...submission, ...amountFields, quoteMinor: minor, expiresAtMs: z.number().int() }),
  'submission.countered': z.object({ ...submission, ...amountFields, counterMinor: minor }),
  'submission.accepted': z.object({ ...submission, ...amountFields, agreedMinor: minor }),
  'submission.rejected': z.object({ ...submission, reason: z.string() }),
  'submission.expired': z.object(submission),
  'submission.withdrawn': z.object(submission),
  'submission.received': z.object(submission),
  'submission.listed': z.object(submission),
} as const;
