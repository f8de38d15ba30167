// Use cases: register, log in, log out, log out everywhere.
import { teamRoom, type LoginInput, type RegisterInput } from '@marketdesk/domain';
import { User, type EntityManager } from '@marketdesk/db';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError } from '../../errors/app-error.js';
import { userRepository } from '../../repositories/user-repository.js';
import { sessionRepository } from '../../repositories/session-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import type { LiveGateway } from '../live-gateway.js';
import type { LoginRateLimit } from './login-rate-limit.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import type { SessionService } from './session-service.js';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  now: Date;
}

export function toMe(user: Pick<User, 'id' | 'email' | 'displayName' | 'roles'>) {
  return { id: user.id, email: user.email, displayName: user.displayName, roles: [...user.roles] };
}
export type Me = ReturnType<typeof toMe>;

const incorrect = () => new AppError('UNAUTHORIZED', 'Email or password is incorrect.');

export function createAuthService(deps: { sessions: SessionService; rateLimit: LoginRateLimit; live: () => LiveGateway }) {
  const { sessions, rateLimit } = deps;

  return {
    async register(em: EntityManager, input: RegisterInput, meta: RequestMeta) {
      const passwordHash = await hashPassword(input.password);
      const user = new User({
        email: input.email,
        passwordHash,
        displayName: input.displayName,
        roles: input.asSeller ? ['buyer', 'seller'] : ['buyer'],
      });
      try {
        await em.transactional(async (tx) => {
          userRepository.add(tx, user);
          await recordEvent(tx, {
            stream: `user:${user.id}`,
            name: 'user.registered',
            payload: { userId: user.id, displayName: user.displayName },
            rooms: [teamRoom],
            jobs: [{ name: 'mail.welcome', data: { userId: user.id } }],
            actorId: user.id,
            now: meta.now,
          });
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          throw new AppError('CONFLICT', 'An account with this email already exists. Sign in instead.');
        }
        throw error;
      }
      const { token, session } = await sessions.create(em, user, meta, meta.now);
      return { me: toMe(user), token, expiresAt: session.expiresAt };
    },

    async login(em: EntityManager, input: LoginInput, meta: RequestMeta) {
      await rateLimit.assertAllowed(input.email, meta.ip);
      const user = await userRepository.findByEmail(em, input.email);
      const ok = user ? await verifyPassword(user.passwordHash, input.password) : await burnPasswordCheck(input.password);
      if (!user || !ok) {
        await rateLimit.recordFailure(input.email, meta.ip);
        throw incorrect();
      }
      await rateLimit.reset(input.email);
      const { token, session } = await sessions.create(em, user, meta, meta.now);
      return { me: toMe(user), token, expiresAt: session.expiresAt };
    },

    async logout(em: EntityManager, sessionId: string) {
      await sessionRepository.delete(em, sessionId);
      await deps.live().disconnectSessions([sessionId]);
    },

    /** The user's signed-in devices, most recently active first. */
    async listSessions(em: EntityManager, userId: string, currentSessionId: string) {
      const rows = await sessionRepository.listForUser(em, userId);
      return rows.map((s) => ({
        id: s.id,
        current: s.id === currentSessionId,
        userAgent: s.userAgent,
        ip: s.ip,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
      }));
    },

    /** "Sign out this device": only the owner's own sessions can be ended. */
    async revokeSession(em: EntityManager, userId: string, sessionId: string) {
      const deleted = await sessionRepository.deleteForUser(em, sessionId, userId);
      if (deleted === 0) throw new AppError('NOT_FOUND', 'That session has already ended.');
      await deps.live().disconnectSessions([sessionId]);
    },

    /** Ends every session of the user, this one included, and drops their live connections. */
    async logoutEverywhere(em: EntityManager, userId: string) {
      const ids = await sessionRepository.listIdsForUser(em, userId);
      await sessionRepository.deleteAllForUser(em, userId);
      await deps.live().disconnectSessions(ids);
      return { revoked: ids.length };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
