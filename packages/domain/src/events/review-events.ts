// Reviews of completed orders, for `seller:{id}` (new review, hidden) and `user:{buyerId}` (reply).
import { z } from 'zod';
import { eventId } from './transition-fields.js';

const review = { reviewId: eventId, orderId: eventId, buyerId: eventId, sellerId: eventId };

export const reviewEventPayloads = {
  'review.created': z.object({ ...review, rating: z.number().int().min(1).max(5) }),
  'review.updated': z.object({ ...review, rating: z.number().int().min(1).max(5) }),
  'review.replied': z.object(review),
  /** Staff hid an abusive review; who and why is kept (audit). */
  'review.hidden': z.object({ ...review, actorId: eventId, reason: z.string().min(1) }),
} as const;
