// Who is on which console page right now. The truth is the set of sockets in `presence:{page}`,
// read across every API process via the adapter, so no separate store can drift. Names are read
// fresh from the database, so a rename shows without reconnecting. Only people with console access
// may enter (the rooms policy): anyone else is refused, so they neither see staff nor are shown.
import { canJoinRoom } from '@marketdesk/domain';
import type { AppServices } from '../services/container.js';
import { currentSocketActor } from './socket-auth.js';
import type { LiveServer, LiveSocket } from './live-socket.js';

export type NameLookup = (userIds: string[]) => Promise<Map<string, string>>;

const pagePattern = /^[A-Za-z0-9_\-./]{1,100}$/;

export async function broadcastPresence(io: LiveServer, page: string, names: NameLookup): Promise<void> {
  const room = `presence:${page}`;
  const sockets = await io.in(room).fetchSockets();
  const ids = [...new Set(sockets.flatMap((s) => (s.data.actor ? [s.data.actor.id] : [])))];
  const current = await names(ids);
  const users = ids.map((id) => ({ id, displayName: current.get(id) ?? 'Someone' }));
  io.to(room).emit('presence', { page, users });
}

/** Re-announce every page a user is on (after a rename). */
export async function refreshPresenceOf(io: LiveServer, userId: string, names: NameLookup): Promise<void> {
  const sockets = await io.in(`user:${userId}`).fetchSockets();
  const pages = new Set(sockets.map((s) => s.data.presencePage).filter((p): p is string => Boolean(p)));
  await Promise.all([...pages].map((page) => broadcastPresence(io, page, names)));
}

const notConsoleUser = { ok: false, error: 'FORBIDDEN', message: 'Who is working where is shown to the team only.' } as const;

export function registerPresence(io: LiveServer, socket: LiveSocket, names: NameLookup, services: AppServices): void {
  const leaveCurrent = async () => {
    const page = socket.data.presencePage;
    if (!page) return;
    socket.data.presencePage = null;
    await socket.leave(`presence:${page}`);
    await broadcastPresence(io, page, names);
  };
  socket.on('presence:enter', async (page, ack) => {
    if (typeof page !== 'string' || !pagePattern.test(page)) return ack?.({ ok: false, error: 'MALFORMED' });
    // Roles as they are now (as for subscribe), not as they were at the handshake.
    const actor = await currentSocketActor(socket, services).catch(() => undefined);
    if (actor === undefined) return ack?.({ ok: false, error: 'UNAVAILABLE' });
    if (!canJoinRoom(actor, `presence:${page}`).ok) {
      await leaveCurrent(); // nor is someone who lost console access still shown where they were
      return ack?.(notConsoleUser);
    }
    if (socket.data.presencePage !== page) await leaveCurrent();
    socket.data.presencePage = page;
    await socket.join(`presence:${page}`);
    ack?.({ ok: true });
    await broadcastPresence(io, page, names);
  });
  socket.on('presence:leave', async (_page, ack) => {
    await leaveCurrent();
    ack?.({ ok: true });
  });
  socket.on('disconnect', () => {
    const page = socket.data.presencePage;
    if (page) void broadcastPresence(io, page, names).catch(() => {});
  });
}
