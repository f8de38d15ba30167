// The live channel: Socket.IO on the API's HTTP server, sharing rooms across API processes through
// the Redis Streams adapter (which, unlike plain pub/sub, supports connection-state recovery).
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { liveEventFor, roomAudience, type AnyLiveEvent } from '@marketdesk/domain';
import type { Config } from '../env.js';
import type { AppServices } from '../services/container.js';
import type { LiveGateway } from '../services/live-gateway.js';
import { authenticateSocket } from './socket-auth.js';
import { leaveRoomsNoLongerAllowed, registerRoomHandlers } from './room-handlers.js';
import { refreshPresenceOf, registerPresence, type NameLookup } from './presence.js';
import { userRepository } from '../repositories/user-repository.js';
import { registerChatSignals } from './chat-handlers.js';
import { guardSocket, type SocketLimits } from './socket-budget.js';
import type { LiveServer } from './live-socket.js';

// observability/live-metrics.ts names the server's type through this module.

/**
 * The streams adapter saves a disconnecting socket's session with a SET it never awaits: while
 * Redis is down that promise rejects unhandled, which would take the whole API process down (found
 * by the Redis-restart fault test). The client handed to the adapter observes those writes; the
 * only cost of a failed one is that the socket cannot resume its session and refetches instead.
 */
function withHandledSessionWrites(redis: Redis, log: Logger): Redis {
  return new Proxy(redis, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop !== 'set') return value.bind(target);
      return (...args: unknown[]) => {
        const pending = (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        pending.catch((err: Error) => log.warn({ err: err.message }, 'could not save a socket session for recovery; it will refetch on reconnect'));
        return pending;
      };
    },
  });
}

export function createSocketServer(http: HttpServer, deps: { config: Config; redis: Redis; services: AppServices; log: Logger }) {
  const { config } = deps;
  const io: LiveServer = new Server(http, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: config.ALLOWED_ORIGINS, credentials: true },
    // Refuse cross-site handshakes before they reach the session check.
    allowRequest: (req, cb) => cb(null, !req.headers.origin || config.ALLOWED_ORIGINS.includes(req.headers.origin)),
    adapter: createAdapter(withHandledSessionWrites(deps.redis, deps.log), {
      streamName: `${config.REDIS_PREFIX}:socket.io`,
      channelPrefix: `${config.REDIS_PREFIX}:socket.io`,
      sessionKeyPrefix: `${config.REDIS_PREFIX}:sio:session:`,
    }),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: false },
  });
  const names: NameLookup = (ids) => userRepository.displayNames(deps.services.db.orm.em.fork(), ids);
  const limits: SocketLimits = { maxRooms: config.SOCKET_MAX_ROOMS, eventsPerWindow: config.SOCKET_EVENTS_PER_10S, strikesBeforeDisconnect: config.SOCKET_STRIKES_BEFORE_DISCONNECT };
  io.use(authenticateSocket(deps.services, config));
  const chatSignals = registerChatSignals(io, deps.services);
  io.on('connection', (socket) => {
    const { actor } = socket.data;
    // After a recovered reconnect the socket is already back in its rooms.
    if (actor && !socket.recovered) void socket.join([`user:${actor.id}`, `session:${actor.sessionId}`]);
    // First, so every event a client sends is counted before a handler does any work for it.
    const guard = guardSocket(socket, limits);
    registerRoomHandlers(socket, deps.services, guard);
    registerPresence(io, socket, names, deps.services);
    chatSignals(socket);
  });

  const gateway: LiveGateway = {
    async disconnectSessions(sessionIds) {
      if (sessionIds.length) io.in(sessionIds.map((id) => `session:${id}`)).disconnectSockets(true);
    },
    async recheckRooms(sessionIds) {
      if (!sessionIds.length) return;
      await leaveRoomsNoLongerAllowed(io, deps.services, sessionIds);
      // The person's open consoles re-read their roles and grants now (menus, pages, banners),
      // instead of when a cache expires: `grants:changed` carries nothing, it says "ask again".
      io.in(sessionIds.map((id) => `session:${id}`)).emit('grants:changed');
    },
  };
  /**
   * Every live event leaves through here: members' rooms get it whole; public rooms get its public
   * view (no person ids), except sockets also in one of the members' rooms, which already have it.
   */
  const emit = (rooms: string[], event: AnyLiveEvent) => {
    const members = rooms.filter((room) => roomAudience(room) === 'members');
    const open = rooms.filter((room) => roomAudience(room) === 'public');
    if (members.length) io.to(members).emit('event', event);
    const view = open.length ? liveEventFor('public', event) : null;
    if (view) io.to(open).except(members).emit('event', view);
    if (event.name === 'user.profile.updated') {
      void refreshPresenceOf(io, event.payload.userId, names).catch((err: Error) => deps.log.warn({ err: err.message }, 'presence refresh failed'));
    }
  };
  return { io, gateway, emit };
}
