// Socket handshakes authenticate with the same session cookie as HTTP (never a token in the URL).
import fastifyCookie from '@fastify/cookie';
import type { ExtendedError, Socket } from 'socket.io';
import type { Config } from '../env.js';
import type { AppServices } from '../services/container.js';
import type { SessionActor } from '../trpc/context.js';

export interface SocketData {
  actor: SessionActor;
  presencePage: string | null;
}

export function authenticateSocket(services: AppServices, config: Config) {
  return async (socket: Socket, next: (err?: ExtendedError) => void) => {
    try {
      const origin = socket.handshake.headers.origin;
      if (origin && !config.ALLOWED_ORIGINS.includes(origin)) return next(new Error('FORBIDDEN_ORIGIN'));
      const cookies = fastifyCookie.parse(socket.handshake.headers.cookie ?? '');
      const token = cookies[config.SESSION_COOKIE];
      if (!token) return next(new Error('UNAUTHORIZED'));
      const validated = await services.sessions.validate(services.db.orm.em.fork(), token, new Date());
      if (!validated) return next(new Error('UNAUTHORIZED'));
      const data = socket.data as Partial<SocketData>;
      data.actor = validated.actor;
      data.presencePage ??= null;
      next();
    } catch (err) {
      next(err as Error);
    }
  };
}
