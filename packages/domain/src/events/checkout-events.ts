// Checkout events, for the buyer's `user:{id}` room (payment progress) and, for `order.placed`,
// the seller's. A checkout pays for several orders, one per seller, in one payment.
import { z } from 'zod';
import { amountFields, eventId, minor } from './transition-fields.js';

const checkout = { checkoutId: eventId, buyerId: eventId };

export const checkoutEventPayloads = {
  'checkout.created': z.object({ ...checkout, orderIds: z.array(eventId).min(1), ...amountFields, totalMinor: minor }),
  'checkout.paid': z.object({ ...checkout, orderIds: z.array(eventId).min(1) }),
  /** The provider's decline code and message, when it gave them. */
  'checkout.payment_failed': z.object({ ...checkout, failureCode: z.string().nullable(), message: z.string().nullable() }),
  'checkout.expired': z.object(checkout),
  /**
   * One per seller order when its checkout is created. Not a transition of the order machine (the
   * order starts there), so it lives here with the checkout that places it.
   */
  'order.placed': z.object({ orderId: eventId, buyerId: eventId, sellerId: eventId, number: z.string().min(1), ...amountFields, totalMinor: minor }),
  /**
   * The payment provider reported something about an order's payment that we did not initiate
   * here (a refund made in the provider's dashboard, a chargeback). It joins the order's timeline
   * for staff and the parties; the refund and dispute features act on it.
   */
  'order.payment_reported': z.object({
    orderId: eventId,
    buyerId: eventId,
    sellerId: eventId,
    kind: z.enum(['refunded', 'dispute_opened']),
    providerEventId: eventId,
    ...amountFields,
    amountMinor: minor,
    detail: z.string().nullable(),
  }),
  /**
   * The provider did not take a refund the order's move promised (refused, or still failing after
   * every retry): the ledger already shows it, so staff must settle it with the provider.
   */
  'order.refund_failed': z.object({ orderId: eventId, buyerId: eventId, sellerId: eventId, ...amountFields, refundMinor: minor.nullable(), reason: z.string() }),
  /** Money moved for an order (capture, escrow hold, release, refund): one timeline entry per transfer. */
  'order.ledger_posted': z.object({
    orderId: eventId,
    buyerId: eventId,
    sellerId: eventId,
    transferId: eventId,
    code: z.string().min(1),
    kind: z.enum(['posted', 'pending', 'post_pending', 'void_pending']),
    ...amountFields,
    amountMinor: minor,
    /** What the transfer means to each party (orders/transfer-parties.ts); absent on older entries. */
    buyerMinor: minor.optional(),
    sellerMinor: minor.optional(),
    feeMinor: minor.optional(),
  }),
} as const;
