// subscribe / unsubscribe: every join goes through the same permission policy as the API, within
// the socket's room cap (socket-budget.ts).
import { canJoinRoom, roomNeedsFacts, type RoomFacts } from '@marketdesk/domain';
import { orderRepository } from '../repositories/order-repository.js';
import { threadParticipantIds } from '../services/chat/thread-access.js';
import type { AppServices } from '../services/container.js';
import { currentActor } from '../services/rbac/current-actor.js';
import { currentSocketActor } from './socket-auth.js';
import { followedRoomCount, type Refusal, type SocketGuard } from './socket-budget.js';
import type { LiveServer, LiveSocket } from './live-socket.js';

/** Loads only the facts a room's rule needs: an order's parties, a seller room's owner. */
export async function factsFor(services: AppServices, room: string): Promise<RoomFacts> {
  const need = roomNeedsFacts(room);
  const id = room.slice(room.indexOf(':') + 1);
  if (need === 'sellerOwner') return { sellerOwnerId: id }; // seller ids are their user ids
  if (need === 'participants' && room.startsWith('order:') && /^[0-9a-f-]{36}$/.test(id)) {
    const order = await orderRepository.findById(services.db.orm.em.fork(), id);
    return { participantIds: order ? [order.buyerId, order.sellerId] : [] };
  }
  if (need === 'participants' && room.startsWith('thread:')) return { participantIds: await threadParticipantIds(services.db.orm.em.fork(), id) };
  return {};
}

/** What a client is told when a join would pass the room cap. */
function tooManyRooms(maxRooms: number): Refusal {
  return { ok: false, error: 'TOO_MANY_ROOMS', message: `This connection already follows ${maxRooms} live rooms. Leave one (unsubscribe) before following another.` };
}

export function registerRoomHandlers(socket: LiveSocket, services: AppServices, guard: SocketGuard): void {
  // Joins still waiting on their look-ups hold a slot too, or a burst of joins would all pass the cap.
  const joining = new Set<string>();
  socket.on('subscribe', async (room, ack) => {
    if (typeof room !== 'string' || room.startsWith('presence:')) {
      return ack?.({ ok: false, error: 'Use presence:enter for presence rooms.' });
    }
    // Counted before any look-up, so joins past the cap cost the API nothing.
    const held = socket.rooms.has(room) || joining.has(room);
    if (!held && followedRoomCount(socket.rooms, socket.id) + joining.size >= guard.limits.maxRooms) {
      return guard.refuse(ack, tooManyRooms(guard.limits.maxRooms));
    }
    if (!held) joining.add(room);
    try {
      // Roles and grants as they are now (cached per grants version): an edit while the socket is open
      // applies to its next join. Staff who must still set up two-factor join as non-staff (as over HTTP).
      const actor = await currentSocketActor(socket, services);
      const decision = canJoinRoom(actor, room, await factsFor(services, room));
      if (!decision.ok) return ack?.({ ok: false, error: decision.reason });
      await socket.join(room);
      ack?.({ ok: true });
    } catch {
      // PostgreSQL or Redis unreachable: the client may ask again (a rejection here would be unhandled).
      ack?.({ ok: false, error: 'UNAVAILABLE' });
    } finally {
      if (!held) joining.delete(room);
    }
  });
  socket.on('unsubscribe', async (room, ack) => {
    if (typeof room !== 'string' || room.startsWith('user:') || room.startsWith('session:')) {
      return ack?.({ ok: false, error: 'MALFORMED' });
    }
    await socket.leave(room);
    ack?.({ ok: true });
  });
}

/**
 * After a role edit: every socket of these sessions (on any API process, through the adapter) is
 * checked room by room against the person's current roles and grants, and leaves what the policy
 * no longer allows. Its own `user:` and `session:` rooms stay.
 */
export async function leaveRoomsNoLongerAllowed(io: LiveServer, services: AppServices, sessionIds: string[]): Promise<void> {
  const sockets = await io.in(sessionIds.map((id) => `session:${id}`)).fetchSockets();
  const grants = await services.rbac.table();
  const em = services.db.orm.em.fork();
  for (const s of sockets) {
    const actor = services.twoFactor.restrictUntilEnrolled(await currentActor(em, s.data.actor, grants));
    for (const room of s.rooms) {
      if (room === s.id || room.startsWith('user:') || room.startsWith('session:')) continue;
      if (!canJoinRoom(actor, room, await factsFor(services, room)).ok) s.leave(room);
    }
  }
}
