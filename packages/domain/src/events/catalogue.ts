// The typed catalogue of every live event the outbox publishes. Server and clients import the
// same names and payload schemas, so a rename or a payload change is a compile error everywhere.
import { z } from 'zod';
import { chatEventPayloads } from './chat-events.js';
import { checkoutEventPayloads } from './checkout-events.js';
import { disputeEventPayloads, disputeRecordEventPayloads } from './dispute-events.js';
import { riskEventPayloads } from './risk-events.js';
import { kycEventPayloads } from './kyc-events.js';
import { listingEventPayloads, listingRecordEventPayloads } from './listing-events.js';
import { orderEventPayloads } from './order-events.js';
import { payoutEventPayloads, payoutRecordEventPayloads } from './payout-events.js';
import { reviewEventPayloads } from './review-events.js';
import { notificationEventPayloads } from './notification-events.js';
import { submissionEventPayloads } from './submission-events.js';
import { queueAndSubmissionServiceEventPayloads, submissionRecordEventPayloads } from './queue-events.js';

const id = z.string().min(1);

export const eventPayloads = {
  'user.registered': z.object({ userId: id, displayName: z.string() }),
  'user.profile.updated': z.object({
    userId: id,
    displayName: z.string(),
    previousDisplayName: z.string(),
  }),
  'session.revoked': z.object({ userId: id, sessionIds: z.array(id), everywhere: z.boolean() }),
  'mail.sent': z.object({ mailId: id, template: z.string(), subject: z.string() }),
  /** A verified payment-provider webhook, recorded once per provider event id. */
  'payment.webhook.received': z.object({ provider: z.string(), eventId: id, type: z.string() }),
  // Emitted by the state machines in ../machines (one file per aggregate keeps this list short).
  ...orderEventPayloads,
  ...submissionEventPayloads,
  ...listingEventPayloads,
  ...kycEventPayloads,
  ...disputeEventPayloads,
  ...disputeRecordEventPayloads,
  ...riskEventPayloads,
  ...payoutEventPayloads,
  ...reviewEventPayloads,
  ...notificationEventPayloads,
  // Published by services directly, not by a machine.
  ...checkoutEventPayloads,
  ...queueAndSubmissionServiceEventPayloads,
  ...chatEventPayloads,
} as const;

export type EventName = keyof typeof eventPayloads;
export type EventPayload<N extends EventName> = z.infer<(typeof eventPayloads)[N]>;

export const eventNames = Object.keys(eventPayloads) as EventName[];

/**
 * Events about a machine's aggregate (`listing.*`, `order.*`) that a service publishes itself
 * rather than a transition emitting them; every other machine-noun event must come from a machine.
 */
export const serviceEventNames = [...Object.keys(listingRecordEventPayloads), ...Object.keys(checkoutEventPayloads), ...Object.keys(payoutRecordEventPayloads), ...Object.keys(submissionRecordEventPayloads), ...Object.keys(disputeRecordEventPayloads)] as EventName[];

/** What a client receives: the event plus its global id and its per-stream sequence. */
export interface LiveEvent<N extends EventName = EventName> {
  /** Global, monotonically increasing outbox id (string: it is a bigint in PostgreSQL). */
  id: string;
  /** The stream this event belongs to, e.g. `user:42` or `order:17`. */
  stream: string;
  /** 1, 2, 3… within the stream; a client that sees a jump knows it missed something. */
  seq: number;
  name: N;
  payload: EventPayload<N>;
  /**
   * Who caused it (user id) or null for the system. Members' rooms only: a public room
   * (`listing:{id}`) receives the PublicLiveEvent of policy/rooms.ts, without it.
   */
  actorId: string | null;
  occurredAt: string;
}

export type AnyLiveEvent = { [N in EventName]: LiveEvent<N> }[EventName];

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(eventPayloads, name);
}

export function parseEventPayload<N extends EventName>(name: N, payload: unknown): EventPayload<N> {
  return eventPayloads[name].parse(payload) as EventPayload<N>;
}
