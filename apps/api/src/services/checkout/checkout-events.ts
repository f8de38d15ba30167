// Where checkout and order events go. Buyers follow their checkout on `user:{id}`; sellers see
// their orders on `seller:{id}`; every party (and staff) on `order:{id}`.
import type { EventName, EventPayload } from '@marketdesk/domain';
import { teamRoom } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { recordEvent } from '../outbox/record-event.js';
import type { CheckedJob } from '../../jobs/job-types.js';

export function orderRooms(o: { id: string; buyerId: string; sellerId: string }): string[] {
  return [`order:${o.id}`, `seller:${o.sellerId}`, `user:${o.buyerId}`, teamRoom];
}

export async function recordCheckoutEvent<N extends EventName>(em: EntityManager, checkout: { id: string; buyerId: string }, name: N, payload: EventPayload<N>, now: Date, jobs: CheckedJob[] = []) {
  await recordEvent(em, { stream: `checkout:${checkout.id}`, name, payload, rooms: [`user:${checkout.buyerId}`], jobs, actorId: null, now });
}

export async function recordOrderEvent(
  em: EntityManager,
  order: { id: string; buyerId: string; sellerId: string },
  event: { name: EventName; payload: Record<string, unknown> },
  actorId: string | null,
  now: Date,
  jobs: CheckedJob[] = [],
) {
  await recordEvent(em, { stream: `order:${order.id}`, name: event.name, payload: event.payload as EventPayload<EventName>, rooms: orderRooms(order), jobs, actorId, now });
}
