// Creates, validates (with sliding expiry) and revokes sessions, and owns the cookie format (its name
// per app: session-cookie.ts).
import type { FastifyReply } from 'fastify';
import type { GrantTable, Role } from '@marketdesk/domain';
import { Session, type EntityManager, type User } from '@marketdesk/db';
import type { Config } from '../../env.js';
import { sessionRepository } from '../../repositories/session-repository.js';
import { generateSessionToken, sessionIdFromToken } from './session-tokens.js';
import { sessionCookieName } from './session-cookie.js';

const dayMs = 24 * 60 * 60 * 1000;

/** The signed-in person a valid session stands for: what tRPC's context, the upload routes and the sockets act as. */
export interface SessionActor {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  sessionId: string;
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  avatarKey: string | null;
  /** The effective role grants (roles are data), attached when the session is validated. */
  grants?: GrantTable;
}

export interface ValidatedSession {
  actor: SessionActor;
  session: Session;
  /** True when the expiry was pushed out and the cookie must be re-sent. */
  refreshed: boolean;
}

/** `grants` supplies the effective role table (services/rbac), attached to every validated actor. */
export function createSessionService(config: Config, grants?: () => Promise<GrantTable>) {
  const ttlMs = config.SESSION_TTL_DAYS * dayMs;
  const secure = config.NODE_ENV === 'production';

  return {
    async create(em: EntityManager, user: User, meta: { ip: string; userAgent: string | null }, now: Date) {
      const token = generateSessionToken();
      const session = em.create(Session, {
        id: sessionIdFromToken(token),
        user,
        expiresAt: new Date(now.getTime() + ttlMs),
        createdAt: now,
        lastSeenAt: now,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
      sessionRepository.add(em, session);
      await em.flush();
      return { token, session };
    },

    async validate(em: EntityManager, token: string, now: Date): Promise<ValidatedSession | null> {
      if (!/^[a-z2-7]{32}$/.test(token)) return null;
      const session = await sessionRepository.findWithUser(em, sessionIdFromToken(token));
      if (!session) return null;
      if (session.expiresAt.getTime() <= now.getTime()) {
        await sessionRepository.delete(em, session.id);
        return null;
      }
      // Sliding expiry: once half the lifetime has passed, extend; writes stay rare.
      const refreshed = session.expiresAt.getTime() - now.getTime() < ttlMs / 2;
      if (refreshed) {
        session.expiresAt = new Date(now.getTime() + ttlMs);
        await sessionRepository.extend(em, session.id, session.expiresAt, now);
      }
      const user = session.user.getEntity();
      const actor: SessionActor = {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        roles: user.roles as Role[],
        sessionId: session.id,
        emailVerified: user.emailVerifiedAt !== null,
        twoFactorEnabled: user.totpEnabledAt !== null,
        avatarKey: user.avatarKey,
        ...(grants ? { grants: await grants() } : {}),
      };
      return { actor, session, refreshed };
    },

    setCookie(res: FastifyReply, token: string, expiresAt: Date): void {
      res.setCookie(sessionCookieName(config, res.request.headers), token, {
        httpOnly: true,
        sameSite: 'lax',
        secure,
        path: '/',
        expires: expiresAt,
      });
    },

    clearCookie(res: FastifyReply): void {
      res.clearCookie(sessionCookieName(config, res.request.headers), { path: '/', httpOnly: true, sameSite: 'lax', secure });
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
