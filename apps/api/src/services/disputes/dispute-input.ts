// What buyers, sellers and agents send about disputes. Bounded everywhere; files are the sender's
// own private uploads (POST /uploads/dispute-evidence).
import { disputeReasonLabels as domainDisputeReasonLabels } from '@marketdesk/domain';
import { z } from 'zod';

export const buyerDisputeReasons = ['not_received', 'not_as_described', 'damaged', 'other'] as const;
/** The domain's table (events/dispute-events.ts): timelines and dispute views read the same labels. */
export const disputeReasonLabels: Readonly<Record<string, string>> = domainDisputeReasonLabels;

const uuid = z.string().uuid();
const files = z.array(uuid).max(6, 'At most 6 files').default([]);

export const openDisputeSchema = z.object({
  orderId: uuid,
  version: z.number().int().positive(),
  reason: z.enum(buyerDisputeReasons, { message: 'Choose what went wrong' }),
  description: z.string().trim().min(10, 'Describe the problem in a few words (10 characters or more)').max(5000),
  files,
});
export type OpenDisputeInput = z.infer<typeof openDisputeSchema>;

export const addEvidenceSchema = z.object({ disputeId: uuid, body: z.string().trim().min(1, 'Write something').max(5000), files });
export type AddEvidenceInput = z.infer<typeof addEvidenceSchema>;

const target = { id: uuid, version: z.number().int().positive() };

/** Steps inside the work, on the queue row's version. */
export const disputeActionSchema = z.discriminatedUnion('action', [
  z.object({ ...target, action: z.literal('ask_seller') }),
  z.object({ ...target, action: z.literal('ask_buyer') }),
  z.object({ ...target, action: z.literal('start_review') }),
  z.object({ ...target, action: z.literal('escalate'), reason: z.string().trim().min(3).max(1000) }),
]);
export type DisputeActionInput = z.infer<typeof disputeActionSchema>;

export const resolveDisputeSchema = z.discriminatedUnion('outcome', [
  z.object({ ...target, outcome: z.literal('buyer'), note: z.string().trim().max(2000).default('') }),
  z.object({ ...target, outcome: z.literal('seller'), note: z.string().trim().max(2000).default('') }),
  z.object({ ...target, outcome: z.literal('split'), buyerShareMinor: z.number().int().positive('Refund something, or resolve for the seller'), note: z.string().trim().max(2000).default('') }),
]);
export type ResolveDisputeInput = z.infer<typeof resolveDisputeSchema>;
