// Ephemeral chat signals, never stored: "typing…" and who is in a thread right now (online, or
// away when their tab is hidden). Only a socket already in `thread:{id}` — admitted by the room
// policy — may signal into it. Support staff appear as Support, without id or name.
import type { ChatPerson, ChatPresenceState } from '@marketdesk/domain';
import { chatThreadRepository } from '../repositories/chat-thread-repository.js';
import { roleIn } from '../services/chat/thread-access.js';
import type { AppServices } from '../services/container.js';
import type { SessionActor } from '../trpc/context.js';
import type { LiveServer, LiveSocket } from './live-socket.js';

const uuid = /^[0-9a-f-]{36}$/i;
const threadRoom = (threadId: string) => `thread:${threadId}`;

/** A thread's buyer and seller never change, so one look-up per thread per process is enough. */
function partiesCache(services: AppServices) {
  const cache = new Map<string, { buyerId: string; sellerId: string } | null>();
  return async (threadId: string) => {
    if (cache.has(threadId)) return cache.get(threadId)!;
    const thread = await chatThreadRepository.find(services.db.orm.em.fork(), threadId);
    const parties = thread ? { buyerId: thread.buyerId, sellerId: thread.sellerId } : null;
    if (cache.size > 5000) cache.delete(cache.keys().next().value!);
    cache.set(threadId, parties);
    return parties;
  };
}

function person(actor: SessionActor, parties: { buyerId: string; sellerId: string }): ChatPerson | null {
  const role = roleIn(parties, actor);
  if (!role) return null;
  return role === 'support' ? { id: null, name: 'Support', role } : { id: actor.id, name: actor.displayName, role };
}

export function registerChatSignals(io: LiveServer, services: AppServices) {
  const parties = partiesCache(services);
  const pending = new Map<string, NodeJS.Timeout>();

  async function broadcastPresence(threadId: string) {
    const found = await parties(threadId);
    if (!found) return;
    const sockets = await io.in(threadRoom(threadId)).fetchSockets();
    const byKey = new Map<string, ChatPresenceState['users'][number]>();
    for (const s of sockets) {
      const actor = s.data.actor;
      const who = actor ? person(actor, found) : null;
      if (!who) continue;
      const key = who.id ?? `support:${actor!.id}`;
      const state = s.data.chatAway ? 'away' : 'online';
      // Several tabs: online if any of them is.
      if (byKey.get(key)?.state !== 'online') byKey.set(key, { ...who, state });
    }
    io.to(threadRoom(threadId)).emit('chat:presence', { threadId, users: [...byKey.values()] });
  }

  /** Joins, leaves and away changes in a burst make one announcement per thread. */
  function schedulePresence(threadId: string) {
    if (pending.has(threadId)) return;
    pending.set(
      threadId,
      setTimeout(() => {
        pending.delete(threadId);
        void broadcastPresence(threadId).catch(() => {});
      }, 50),
    );
  }

  // The local adapter reports every join and leave (subscribe, unsubscribe, disconnect) of this process's sockets.
  io.of('/').adapter.on('join-room', (room: string) => {
    if (room.startsWith('thread:')) schedulePresence(room.slice(7));
  });
  io.of('/').adapter.on('leave-room', (room: string) => {
    if (room.startsWith('thread:')) schedulePresence(room.slice(7));
  });

  return (socket: LiveSocket) => {
    socket.on('chat:typing', async (signal, ack) => {
      const threadId = signal?.threadId;
      if (typeof threadId !== 'string' || !uuid.test(threadId) || !socket.rooms.has(threadRoom(threadId)) || !socket.data.actor) return ack?.({ ok: false, error: 'FORBIDDEN' });
      const found = await parties(threadId);
      const who = found ? person(socket.data.actor, found) : null;
      if (!who) return ack?.({ ok: false, error: 'FORBIDDEN' });
      socket.to(threadRoom(threadId)).emit('chat:typing', { threadId, user: who, typing: signal.typing === true });
      ack?.({ ok: true });
    });
    socket.on('chat:presence', (signal, ack) => {
      socket.data.chatAway = signal?.state === 'away';
      for (const room of socket.rooms) if (room.startsWith('thread:')) schedulePresence(room.slice(7));
      ack?.({ ok: true });
    });
  };
}
