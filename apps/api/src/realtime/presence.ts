// Who is on which console page right now. The truth is the set of sockets in `presence:{page}`,
// read across every API process via the adapter, so no separate store can drift.
import { canJoinRoom } from '@marketdesk/domain';
import type { LiveServer, LiveSocket } from './socket-server.js';

const pagePattern = /^[A-Za-z0-9_\-./]{1,100}$/;

export async function broadcastPresence(io: LiveServer, page: string): Promise<void> {
  const room = `presence:${page}`;
  const sockets = await io.in(room).fetchSockets();
  const byUser = new Map<string, { id: string; displayName: string }>();
  for (const s of sockets) byUser.set(s.data.actor.id, { id: s.data.actor.id, displayName: s.data.actor.displayName });
  io.to(room).emit('presence', { page, users: [...byUser.values()] });
}

export function registerPresence(io: LiveServer, socket: LiveSocket): void {
  const leaveCurrent = async () => {
    const page = socket.data.presencePage;
    if (!page) return;
    socket.data.presencePage = null;
    await socket.leave(`presence:${page}`);
    await broadcastPresence(io, page);
  };
  socket.on('presence:enter', async (page, ack) => {
    if (typeof page !== 'string' || !pagePattern.test(page)) return ack?.({ ok: false, error: 'MALFORMED' });
    if (!canJoinRoom(socket.data.actor, `presence:${page}`).ok) return ack?.({ ok: false, error: 'FORBIDDEN' });
    if (socket.data.presencePage !== page) await leaveCurrent();
    socket.data.presencePage = page;
    await socket.join(`presence:${page}`);
    ack?.({ ok: true });
    await broadcastPresence(io, page);
  });
  socket.on('presence:leave', async (_page, ack) => {
    await leaveCurrent();
    ack?.({ ok: true });
  });
  socket.on('disconnect', () => {
    const page = socket.data.presencePage;
    if (page) void broadcastPresence(io, page).catch(() => {});
  });
}
