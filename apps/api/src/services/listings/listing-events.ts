// Where listing events go: the seller's room, the review queue and the listing's public room (live
// stock on open listing pages).
import type { EventName, EventPayload } from '@marketdesk/domain';
import type { EntityManager } from '@marketdesk/db';
import { recordEvent } from '../outbox/record-event.js';
import type { CheckedJob } from '../../jobs/job-types.js';

export function listingRooms(listingId: string, sellerId: string): string[] {
  return [`seller:${sellerId}`, 'queue:listings', `listing:${listingId}`];
}

export async function recordListingEvent(
  em: EntityManager,
  listing: { id: string; sellerId: string },
  event: { name: EventName; payload: Record<string, unknown> },
  actorId: string | null,
  now: Date,
  jobs: CheckedJob[] = [],
) {
  await recordEvent(em, {
    stream: `listing:${listing.id}`,
    name: event.name,
    payload: event.payload as EventPayload<EventName>,
    rooms: listingRooms(listing.id, listing.sellerId),
    jobs,
    actorId,
    now,
  });
}
