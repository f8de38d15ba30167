// Dispute (ticket) events, including SLA warnings, for `queue:disputes`, `order:{id}` and the parties.
import { z } from 'zod';
import { disputeSlaKinds } from '../sla/dispute-sla.js';
import { amountFields, eventId, minor, transitionFields } from './transition-fields.js';

const dispute = { disputeId: eventId, orderId: eventId, buyerId: eventId, sellerId: eventId, ...transitionFields };
const sla = { ...dispute, sla: z.enum(disputeSlaKinds), dueAtMs: z.number().int() };

export const disputeReasons = ['not_received', 'not_as_described', 'damaged', 'other', 'chargeback'] as const;

/** How each reason reads, wherever a dispute is shown (dispute views, order timelines). */
export const disputeReasonLabels: Record<(typeof disputeReasons)[number], string> = {
  not_received: 'Not received',
  not_as_described: 'Not as described',
  damaged: 'Arrived damaged',
  other: 'Other',
  chargeback: 'Card chargeback',
};

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

/** Dispute events the disputes service publishes itself (no machine transition behind them). */
export const disputeRecordEventPayloads = {
  /** Opened by the buyer, or by the system for a card chargeback (actorId null). */
  'dispute.opened': z.object({ disputeId: eventId, orderId: eventId, buyerId: eventId, sellerId: eventId, reason: z.enum(disputeReasons), source: z.enum(['buyer', 'chargeback']), ...amountFields, amountMinor: minor, actorId: eventId.nullable() }),
  /** A statement (and files) added to the record by a party or staff. */
  'dispute.evidence_added': z.object({ disputeId: eventId, orderId: eventId, buyerId: eventId, sellerId: eventId, evidenceId: eventId, party: z.enum(['buyer', 'seller', 'staff']), actorId: eventId.nullable() }),
} as const;
