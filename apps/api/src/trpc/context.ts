// Per-request context: a forked EntityManager, the signed-in actor (if any), request metadata.
import type {} from '@fastify/cookie'; // loads its FastifyRequest/Reply augmentations for every importer of the router type
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EntityManager } from '@marketdesk/db';
import type { AppServices } from '../services/container.js';
import type { SessionActor } from '../services/auth/session-service.js';
import { sessionTokenOf } from '../services/auth/session-cookie.js';

// The realtime layer names the actor as the context's; it is declared with the session that validates it.
export type { SessionActor };

export interface Context {
  req: FastifyRequest;
  res: FastifyReply;
  em: EntityManager;
  services: AppServices;
  actor: SessionActor | null;
  requestId: string;
  ip: string;
  userAgent: string | null;
}

export function createContextFactory(services: AppServices) {
  return async ({ req, res }: { req: FastifyRequest; res: FastifyReply }): Promise<Context> => {
    const em = services.db.orm.em.fork();
    const token = sessionTokenOf(services.config, req.headers, req.cookies);
    const validated = token ? await services.sessions.validate(em, token, new Date()) : null;
    if (token && !validated) services.sessions.clearCookie(res);
    if (validated?.refreshed) services.sessions.setCookie(res, token!, validated.session.expiresAt);
    return {
      req,
      res,
      em,
      services,
      actor: validated?.actor ?? null,
      requestId: String(req.id),
      ip: req.ip,
      userAgent: req.headers['user-agent']?.slice(0, 400) ?? null,
    };
  };
}
