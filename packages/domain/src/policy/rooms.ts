// Who may join which live room, and what each room's audience may read of an event. The Socket.IO
// server asks canJoinRoom before every join and liveEventFor before every emit; object-level facts
// (is this my order?) are looked up by the caller and passed in, keeping this pure.
// Public rooms (`listing:{id}`) are open to everyone, including anonymous visitors (actor null), so
// what they carry must say nothing about who did what: no actor, no buyer or seller ids. Every
// other room needs a signed-in actor the policy admits, and gets the whole event.
import type { AnyLiveEvent, EventName, EventPayload, LiveEvent } from '../events/catalogue.js';
import { parseRoom, type Room } from '../events/rooms.js';
import { hasGrant } from './permissions.js';
import { type Actor, hasRole, isStaff } from './roles.js';

export interface RoomFacts {
  /** For order/thread rooms: the user ids party to the object (buyer, seller). */
  participantIds?: readonly string[];
  /** For seller rooms: the user id that owns the seller account. */
  sellerOwnerId?: string;
}

export type RoomDecision = { ok: true } | { ok: false; reason: 'MALFORMED' | 'FORBIDDEN' };

/**
 * `public`: anyone may follow it, anonymous visitors too; it gets only the public view of an event.
 * `members`: only people the policy admits (the person, a party, staff); they get the whole event.
 */
export type RoomAudience = 'public' | 'members';

const audienceOfKind: Record<Room['kind'], RoomAudience> = {
  listing: 'public',
  user: 'members',
  queue: 'members',
  order: 'members',
  thread: 'members',
  seller: 'members',
  presence: 'members',
  team: 'members',
  support: 'members',
};

/** A name that does not parse counts as public: an event sent there gets the public view (fails closed). */
export function roomAudience(name: string): RoomAudience {
  const room = parseRoom(name);
  return room ? audienceOfKind[room.kind] : 'public';
}

export function canJoinRoom(actor: Actor | null | undefined, name: string, facts: RoomFacts = {}): RoomDecision {
  const room = parseRoom(name);
  if (!room) return { ok: false, reason: 'MALFORMED' };
  const allowed = ((): boolean => {
    // A public room carries only the public view of its events (publicEventFields).
    if (audienceOfKind[room.kind] === 'public') return true;
    if (!actor) return false;
    switch (room.kind) {
      case 'user':
        return room.id === actor.id;
      case 'queue':
        return room.id === 'disputes' ? isStaff(actor) : hasRole(actor, 'admin') || (room.id !== 'payouts' && isStaff(actor));
      case 'team':
        return hasGrant(actor, 'activity.view');
      case 'support':
        // The inbox of order conversations: whoever may answer them (and reads any of them).
        return hasGrant(actor, 'chat.support');
      case 'presence':
        // Who is working where is the team's: shown only to, and only including, staff. Sellers use
        // the console too, but one seller must not see which other sellers are on "My listings", nor
        // who of the staff is on a review page they typed in by hand.
        return isStaff(actor);
      case 'order':
        return isStaff(actor) || (facts.participantIds ?? []).includes(actor.id);
      case 'thread':
        // Support staff may follow any thread (they are shown as Support); everyone else only theirs.
        return hasGrant(actor, 'chat.support') || (facts.participantIds ?? []).includes(actor.id);
      case 'seller':
        return isStaff(actor) || facts.sellerOwnerId === actor.id;
      case 'listing':
        return true;
    }
  })();
  return allowed ? { ok: true } : { ok: false, reason: 'FORBIDDEN' };
}

/** Which facts a room needs before canJoinRoom can answer (so the server loads only what matters). */
export function roomNeedsFacts(name: string): 'participants' | 'sellerOwner' | null {
  const room = parseRoom(name);
  if (room?.kind === 'order' || room?.kind === 'thread') return 'participants';
  if (room?.kind === 'seller') return 'sellerOwner';
  return null;
}

const availability = ['listingId', 'from', 'to'] as const;

/**
 * What a public room may carry of each event: these payload fields and nothing else. An event not
 * named here never reaches a public room. What a public listing page shows (stock, price, whether
 * it is on sale), never who caused it, bought it or sells it (person ids), nor review outcomes.
 */
export const publicEventFields = {
  'listing.stock_changed': ['listingId', 'available', 'soldOut'],
  'listing.price_changed': ['listingId', 'fromMinor', 'toMinor', 'currency'],
  'listing.approved': availability,
  'listing.paused': availability,
  'listing.resumed': availability,
  'listing.sold_out': availability,
  'listing.restocked': [...availability, 'quantity'],
  'listing.archived': availability,
  'listing.deal_expired': availability,
} as const satisfies { readonly [N in EventName]?: readonly (keyof EventPayload<N>)[] };

type PublicEventName = keyof typeof publicEventFields;

/** The envelope a public room receives: no `actorId`, and only the payload fields named above. */
export type PublicLiveEvent = {
  [N in PublicEventName]: Omit<LiveEvent<N>, 'actorId' | 'payload'> & { payload: Pick<EventPayload<N>, Extract<(typeof publicEventFields)[N][number], keyof EventPayload<N>>> };
}[PublicEventName];

function isPublicEventName(name: EventName): name is PublicEventName {
  return Object.hasOwn(publicEventFields, name);
}

/** The public view of an event, or null when it has none (then it does not go to public rooms). */
export function publicLiveEvent(event: AnyLiveEvent): PublicLiveEvent | null {
  if (!isPublicEventName(event.name)) return null;
  const payload = event.payload as Record<string, unknown>;
  const fields: readonly string[] = publicEventFields[event.name];
  // Built from named fields, so whatever else the envelope carries (actorId, a request id) stays out.
  return {
    id: event.id,
    stream: event.stream,
    seq: event.seq,
    name: event.name,
    payload: Object.fromEntries(fields.filter((f) => Object.hasOwn(payload, f)).map((f) => [f, payload[f]])),
    occurredAt: event.occurredAt,
  } as PublicLiveEvent;
}

/** What one audience receives of an event: the whole event for members, the public view (or nothing) otherwise. */
export function liveEventFor(audience: RoomAudience, event: AnyLiveEvent): AnyLiveEvent | PublicLiveEvent | null {
  return audience === 'members' ? event : publicLiveEvent(event);
}
