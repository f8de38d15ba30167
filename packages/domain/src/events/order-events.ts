// Order lifecycle events, published to `order:{id}` and the buyer's and seller's user rooms.
import { z } from 'zod';
import { amountFields, eventId, minor, transitionFields } from './transition-fields.js';

const order = { orderId: eventId, buyerId: eventId, sellerId: eventId, ...transitionFields };

export const orderEventPayloads = {
  'order.paid': z.object({ ...order, paymentId: eventId }),
  'order.shipped': z.object({ ...order, carrier: z.string(), trackingNumber: z.string() }),
  'order.delivered': z.object(order),
  'order.completed': z.object({ ...order, automatic: z.boolean() }),
  'order.cancelled': z.object({ ...order, reason: z.string() }),
  'order.refunded': z.object({ ...order, ...amountFields, refundMinor: minor }),
  'order.partially_refunded': z.object({ ...order, ...amountFields, refundMinor: minor, refundedTotalMinor: minor }),
  'order.disputed': z.object({ ...order, reason: z.string() }),
  /** Risk checks held the paid order for a person to review before the seller ships. */
  'order.held_for_review': z.object({ ...order, score: minor }),
  'order.review_approved': z.object(order),
} as const;
