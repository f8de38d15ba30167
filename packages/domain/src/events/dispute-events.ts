// Dispute (ticket) events, including SLA warnings, for `queue:disputes`, `order:{id}` and the parties.
import { z } from 'zod';
import { disputeSlaKinds } from '../sla/dispute-sla.js';
import { amountFields, eventId, minor, transitionFields } from './transition-fields.js';

const dispute = { disputeId: eventId, orderId: eventId, buyerId: eventId, sellerId: eventId, ...transitionFields };
const sla = { ...dispute, sla: z.enum(disputeSlaKinds), dueAtMs: z.number().int() };

export const disputeEventPayloads = {
  'dispute.seller_response_requested': z.object(dispute),
  'dispute.buyer_response_requested': z.object(dispute),
  'dispute.review_started': z.object(dispute),
  'dispute.seller_responded': z.object(dispute),
  'dispute.buyer_responded': z.object(dispute),
  'dispute.escalated': z.object({ ...dispute, reason: z.string() }),
  'dispute.resolved': z.object({ ...dispute, ...amountFields, outcome: z.enum(['buyer', 'seller', 'split']), buyerShareMinor: minor }),
  'dispute.withdrawn': z.object(dispute),
  'dispute.closed': z.object(dispute),
  'dispute.sla.at_risk': z.object(sla),
  'dispute.sla.breached': z.object(sla),
} as const;
