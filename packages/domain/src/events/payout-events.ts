// Seller payout events, for `queue:payouts` and `seller:{id}`.
import { z } from 'zod';
import { amountFields, eventId, minor, transitionFields } from './transition-fields.js';

const payout = { payoutId: eventId, sellerId: eventId, ...amountFields, amountMinor: minor, ...transitionFields };

/** Published by the payout service itself: a seller asks (the machine starts in `requested`). */
export const payoutRecordEventPayloads = {
  'payout.requested': z.object({ payoutId: eventId, sellerId: eventId, ...amountFields, amountMinor: minor, actorId: eventId }),
} as const;

export const payoutEventPayloads = {
  ...payoutRecordEventPayloads,
  'payout.approved': z.object(payout),
  'payout.rejected': z.object({ ...payout, reason: z.string() }),
  'payout.sent': z.object(payout),
  'payout.paid': z.object(payout),
  'payout.failed': z.object({ ...payout, reason: z.string() }),
} as const;
