// Work-queue events (one engine for every queue) for `queue:{name}`, bulk progress for the actor's
// `user:{id}`, and the submission steps the submission service publishes itself (not the machine).
// Every item event carries the whole row as it is now, so a live table can upsert it without a fetch.
import { z } from 'zod';
import { queueNames } from './rooms.js';
import { eventId, minor } from './transition-fields.js';

const ms = z.number().int();

export const queueItemSnapshotSchema = z.object({
  id: eventId,
  queue: z.enum(queueNames),
  subjectId: eventId,
  state: z.string(),
  version: z.number().int().positive(),
  priority: z.number().int(),
  title: z.string(),
  sellerId: eventId.nullable(),
  sellerName: z.string().nullable(),
  valueMinor: minor,
  currency: z.string().length(3),
  conditions: z.array(z.string()),
  waitingOn: z.enum(['staff', 'seller', 'buyer']).nullable(),
  claimedBy: eventId.nullable(),
  claimedByName: z.string().nullable(),
  claimedAtMs: ms.nullable(),
  claimExpiresAtMs: ms.nullable(),
  lastActivityAtMs: ms,
  decidedBy: eventId.nullable(),
  decidedAtMs: ms.nullable(),
  slaDueAtMs: ms.nullable(),
  lastAction: z.object({ action: z.string(), actorId: eventId.nullable(), actorName: z.string().nullable(), atMs: ms }).nullable(),
  createdAtMs: ms,
  updatedAtMs: ms,
});
export type QueueItemSnapshot = z.infer<typeof queueItemSnapshotSchema>;

const itemEvent = { queue: z.enum(queueNames), itemId: eventId, item: queueItemSnapshotSchema, actorId: eventId.nullable() };
const bulkActions = z.enum(['accept', 'reject', 'assign']);

export const queueEventPayloads = {
  'queue.item.added': z.object(itemEvent),
  'queue.item.claimed': z.object(itemEvent),
  'queue.item.released': z.object(itemEvent),
  'queue.item.reassigned': z.object({ ...itemEvent, fromUserId: eventId.nullable(), toUserId: eventId }),
  /** Nobody touched a claimed item for the idle period: it is back in the pool. */
  'queue.item.claim_expired': z.object({ ...itemEvent, previousHolderId: eventId }),
  /** The claim timer found recent activity and set itself for the new expiry. */
  'queue.item.claim_extended': z.object(itemEvent),
  /** The subject moved (a decision, the seller answering): new state and version. */
  'queue.item.changed': z.object({ ...itemEvent, action: z.string().min(1) }),
  'queue.note.added': z.object({ queue: z.enum(queueNames), itemId: eventId, noteId: eventId, authorId: eventId, authorName: z.string(), body: z.string(), mentionIds: z.array(eventId) }),
  /** A CSV export of a queue view: rows written so far (of total), and when the file is ready. */
  'queue.export.progress': z.object({ exportId: eventId, rows: z.number().int().min(0), total: z.number().int().min(0).nullable(), state: z.enum(['running', 'ready', 'failed']) }),
  'queue.bulk.progress': z.object({ bulkId: eventId, queue: z.enum(queueNames), action: bulkActions, total: z.number().int().min(0), done: z.number().int().min(0), succeeded: z.number().int().min(0), failed: z.number().int().min(0) }),
  'queue.bulk.completed': z.object({
    bulkId: eventId,
    queue: z.enum(queueNames),
    action: bulkActions,
    total: z.number().int().min(0),
    succeeded: z.number().int().min(0),
    failures: z.array(z.object({ itemId: eventId, code: z.string(), message: z.string() })),
  }),
} as const;

/** Published by the submission service itself, not by a machine transition. */
export const submissionRecordEventPayloads = {
  'submission.info_requested': z.object({ submissionId: eventId, sellerId: eventId, actorId: eventId, message: z.string().min(1) }),
  'submission.info_provided': z.object({ submissionId: eventId, sellerId: eventId, actorId: eventId, message: z.string().min(1) }),
  /** Accepted goods became listings (one per accepted item), linked to the submission. */
  'submission.listings_created': z.object({ submissionId: eventId, sellerId: eventId, listingIds: z.array(eventId).min(1) }),
  /** The house shop bought the accepted items: the agreed price is on the seller's available balance. */
  'submission.purchased': z.object({ submissionId: eventId, sellerId: eventId, amountMinor: z.number().int().positive(), currency: z.string().length(3), itemCount: z.number().int().positive() }),
} as const;

export const queueAndSubmissionServiceEventPayloads = { ...queueEventPayloads, ...submissionRecordEventPayloads } as const;
