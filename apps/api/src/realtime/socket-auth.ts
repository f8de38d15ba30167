// Socket handshakes authenticate with the same session cookie as HTTP (never a token in the URL).
import fastifyCookie from '@fastify/cookie';
import type { ExtendedError, Socket } from 'socket.io';
import type { Config } from '../env.js';
import type { AppServices } from '../services/container.js';
import { currentActor } from '../services/rbac/current-actor.js';
import { sessionTokenOf } from '../services/auth/session-cookie.js';
import type { SessionActor } from '../trpc/context.js';
import type { SocketData } from './live-socket.js';

export function authenticateSocket(services: AppServices, config: Config) {
  return async (socket: Socket, next: (err?: ExtendedError) => void) => {
    try {
      const origin = socket.handshake.headers.origin;
      if (origin && !config.ALLOWED_ORIGINS.includes(origin)) return next(new Error('FORBIDDEN_ORIGIN'));
      const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? '');
      const token = sessionTokenOf(config, socket.handshake.headers, cookies); // the app's own cookie, as over HTTP
      const data = socket.data as Partial<SocketData>;
      // No cookie: an anonymous visitor (listing pages). A cookie that no longer validates is
      // refused, so a signed-out console notices instead of silently losing its rooms.
      if (!token) {
        data.actor = null;
        data.presencePage ??= null;
        return next();
      }
      const validated = await services.sessions.validate(services.db.orm.em.fork(), token, new Date());
      if (!validated) return next(new Error('UNAUTHORIZED'));
      // Staff who must still set up two-factor get no staff rooms until they do (as over HTTP).
      const actor = validated.actor;
      data.actor = services.twoFactor.setupRequired(actor) ? services.twoFactor.withoutStaffRoles(actor) : actor;
      data.presencePage ??= null;
      next();
    } catch (err) {
      next(err as Error);
    }
  };
}

/** Per socket: the actor derived under one grants version. Kept out of socket.data, which the adapter ships between processes. */
const actorCache = new WeakMap<object, { version: string | null; actor: SessionActor | null }>();

/**
 * The socket's actor under the person's current roles and grants, for room decisions (its actor
 * was captured at the handshake). Read from PostgreSQL once per grants version, not on every event:
 * every role or grant edit bumps that version (services/rbac/grant-cache.ts), so the next join after
 * an edit reads afresh. Staff who must still enrol in two-factor are never cached: enrolling bumps no
 * version, and must open their staff rooms at once.
 */
export async function currentSocketActor(socket: { data: SocketData }, services: AppServices): Promise<SessionActor | null> {
  if (!socket.data.actor) return null;
  const { table, version } = await services.rbac.current();
  const cached = actorCache.get(socket);
  if (cached && cached.version === version) return cached.actor;
  const fresh = await currentActor(services.db.orm.em.fork(), socket.data.actor, table);
  if (fresh && !services.twoFactor.setupRequired(fresh)) actorCache.set(socket, { version, actor: fresh });
  return services.twoFactor.restrictUntilEnrolled(fresh);
}
