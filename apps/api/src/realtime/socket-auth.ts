// Socket handshakes authenticate with the same session cookie as HTTP (never a token in the URL).
import fastifyCookie from '@fastify/cookie';
import type { ExtendedError, Socket } from 'socket.io';
import type { Config } from '../env.js';
import type { AppServices } from '../services/container.js';
import type { SessionActor } from '../trpc/context.js';

export interface SocketData {
  /** Null for an anonymous storefront visitor, who may only follow public rooms (listing stock). */
  actor: SessionActor | null;
  presencePage: string | null;
  /** Chat presence: this tab is hidden (the person is away). */
  chatAway?: boolean;
}

export function authenticateSocket(services: AppServices, config: Config) {
  return async (socket: Socket, next: (err?: ExtendedError) => void) => {
    try {
      const origin = socket.handshake.headers.origin;
      if (origin && !config.ALLOWED_ORIGINS.includes(origin)) return next(new Error('FORBIDDEN_ORIGIN'));
      const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? '');
      const token = cookies[config.SESSION_COOKIE];
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
