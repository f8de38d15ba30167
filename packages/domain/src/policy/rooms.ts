// Who may join which live room. The Socket.IO server asks this before every join; object-level
// facts (is this my order?) are looked up by the caller and passed in, keeping this pure.
// Public rooms (`listing:{id}`) are open to everyone, including anonymous visitors (actor null);
// every other room needs a signed-in actor.
import { parseRoom } from '../events/rooms.js';
import { hasGrant } from './permissions.js';
import { type Actor, hasRole, isStaff } from './roles.js';

export interface RoomFacts {
  /** For order/thread rooms: the user ids party to the object (buyer, seller). */
  participantIds?: readonly string[];
  /** For seller rooms: the user id that owns the seller account. */
  sellerOwnerId?: string;
}

export type RoomDecision = { ok: true } | { ok: false; reason: 'MALFORMED' | 'FORBIDDEN' };

export function canJoinRoom(actor: Actor | null | undefined, name: string, facts: RoomFacts = {}): RoomDecision {
  const room = parseRoom(name);
  if (!room) return { ok: false, reason: 'MALFORMED' };
  const allowed = ((): boolean => {
    // A listing room carries only what the public listing page shows (stock, sold out).
    if (room.kind === 'listing') return true;
    if (!actor) return false;
    switch (room.kind) {
      case 'user':
        return room.id === actor.id;
      case 'queue':
        return room.id === 'disputes' ? isStaff(actor) : hasRole(actor, 'admin') || (room.id !== 'payouts' && isStaff(actor));
      case 'team':
        return hasGrant(actor, 'activity.view');
      case 'presence':
        return true;
      case 'order':
        return isStaff(actor) || (facts.participantIds ?? []).includes(actor.id);
      case 'thread':
        // Support staff may follow any thread (they are shown as Support); everyone else only theirs.
        return hasGrant(actor, 'chat.support') || (facts.participantIds ?? []).includes(actor.id);
      case 'seller':
        return isStaff(actor) || facts.sellerOwnerId === actor.id;
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
