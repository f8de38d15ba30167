// subscribe / unsubscribe: every join goes through the same permission policy as the API.
import { canJoinRoom, roomNeedsFacts, type RoomFacts } from '@marketdesk/domain';
import { orderRepository } from '../repositories/order-repository.js';
import { threadParticipantIds } from '../services/chat/thread-access.js';
import type { AppServices } from '../services/container.js';
import { currentActor } from '../services/rbac/current-actor.js';
import type { Server } from 'socket.io';
import type { SocketData } from './socket-auth.js';
import type { LiveSocket } from './socket-server.js';

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

export function registerRoomHandlers(socket: LiveSocket, services: AppServices): void {
  socket.on('subscribe', async (room, ack) => {
    if (typeof room !== 'string' || room.startsWith('presence:')) {
      return ack?.({ ok: false, error: 'Use presence:enter for presence rooms.' });
    }
    // Roles and grants are read now, not at handshake: an edit while the socket is open applies to its next join.
    // Staff who must still set up two-factor join as non-staff until they do (as over HTTP).
    const actor = services.twoFactor.restrictUntilEnrolled(await currentActor(services.db.orm.em.fork(), socket.data.actor, await services.rbac.table()));
    const decision = canJoinRoom(actor, room, await factsFor(services, room));
    if (!decision.ok) return ack?.({ ok: false, error: decision.reason });
    await socket.join(room);
    ack?.({ ok: true });
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
export async function leaveRoomsNoLongerAllowed(io: Server, services: AppServices, sessionIds: string[]): Promise<void> {
  const sockets = await io.in(sessionIds.map((id) => `session:${id}`)).fetchSockets();
  const grants = await services.rbac.table();
  const em = services.db.orm.em.fork();
  for (const s of sockets) {
    const actor = services.twoFactor.restrictUntilEnrolled(await currentActor(em, (s.data as SocketData).actor, grants));
    for (const room of s.rooms) {
      if (room === s.id || room.startsWith('user:') || room.startsWith('session:')) continue;
      if (!canJoinRoom(actor, room, await factsFor(services, room)).ok) s.leave(room);
    }
  }
}
