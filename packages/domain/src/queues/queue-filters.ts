// The queue view's filter and sort model, validated the same way in the console and the API, and
// the opaque keyset cursor that pages through it without repeats or gaps while rows change.
import { z } from 'zod';
import { grades } from '../pricing/grades.js';
import { queueNames } from '../events/rooms.js';

export const queueSortFields = ['created_at', 'value', 'priority', 'sla_due', 'last_activity'] as const;
export type QueueSortField = (typeof queueSortFields)[number];

const uuid = z.string().uuid();

export const queueFilterSchema = z
  .object({
    /** Subject states; empty or absent means the queue's open states. */
    states: z.array(z.string().regex(/^[a-z_]{1,30}$/)).max(15).optional(),
    /** Waiting at least / at most this many minutes since the item entered the queue. */
    minAgeMinutes: z.number().int().min(0).max(525_600).optional(),
    maxAgeMinutes: z.number().int().min(0).max(525_600).optional(),
    sellerId: uuid.optional(),
    /** Seller display name, partial and case-insensitive. */
    sellerName: z.string().trim().min(1).max(80).optional(),
    conditions: z.array(z.enum(grades)).max(grades.length).optional(),
    minValueMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    maxValueMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    /** `me`, `unassigned`, `anyone` (claimed by someone) or a user id. */
    assignee: z.union([z.enum(['me', 'unassigned', 'anyone']), uuid]).optional(),
    /** Due within this many minutes (0: already breached). */
    slaDueWithinMinutes: z.number().int().min(0).max(525_600).optional(),
    /** Items waiting on the seller (quoted, info requested) or only those waiting on staff. */
    waitingOn: z.enum(['staff', 'seller', 'buyer']).optional(),
  })
  .refine((f) => f.minValueMinor === undefined || f.maxValueMinor === undefined || f.minValueMinor <= f.maxValueMinor, { message: 'The lowest value must not be above the highest', path: ['minValueMinor'] })
  .refine((f) => f.minAgeMinutes === undefined || f.maxAgeMinutes === undefined || f.minAgeMinutes <= f.maxAgeMinutes, { message: 'The minimum age must not be above the maximum', path: ['minAgeMinutes'] });

export type QueueFilter = z.infer<typeof queueFilterSchema>;

export const queueSortSchema = z.object({ field: z.enum(queueSortFields).default('created_at'), direction: z.enum(['asc', 'desc']).default('asc') });
export type QueueSort = z.infer<typeof queueSortSchema>;

export const queueListInputSchema = z.object({
  queue: z.enum(queueNames),
  filter: queueFilterSchema.default({}),
  sort: queueSortSchema.default({ field: 'created_at', direction: 'asc' }),
  cursor: z.string().max(400).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type QueueListInput = z.infer<typeof queueListInputSchema>;

export const filterPresetSchema = z.object({
  queue: z.enum(queueNames),
  name: z.string().trim().min(1, 'Name the preset').max(60),
  shared: z.boolean().default(false),
  filter: queueFilterSchema,
  sort: queueSortSchema.default({ field: 'created_at', direction: 'asc' }),
});

/** Where a page ended: the sort key of its last row (null sorts last) and the row's id as tiebreak. */
export interface QueueCursor {
  value: string | number | null;
  id: string;
}

export function encodeQueueCursor(c: QueueCursor): string {
  return btoa(JSON.stringify([c.value, c.id]));
}

/** Null for anything that is not a cursor this module wrote (the caller refuses it). */
export function decodeQueueCursor(raw: string): QueueCursor | null {
  try {
    const parsed: unknown = JSON.parse(atob(raw));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [value, id] = parsed as unknown[];
    if (typeof id !== 'string' || !uuid.safeParse(id).success) return null;
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') return null;
    return { value, id };
  } catch {
    return null;
  }
}
