// subscribe / unsubscribe: every join goes through the same permission policy as the API.
import { canJoinRoom } from '@marketdesk/domain';
import type { AppServices } from '../services/container.js';
import type { LiveSocket } from './socket-server.js';

export function registerRoomHandlers(socket: LiveSocket, _services: AppServices): void {
  socket.on('subscribe', async (room, ack) => {
    if (typeof room !== 'string' || room.startsWith('presence:')) {
      return ack?.({ ok: false, error: 'Use presence:enter for presence rooms.' });
    }
    // Object-level facts (order participants, seller owners) arrive with the features that own them.
    const decision = canJoinRoom(socket.data.actor, room, {});
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
