// Use cases: register, log in (password, then a second factor when enabled), log out, log out everywhere.
import { teamRoom, type LoginInput, type LoginSecondFactorInput, type RegisterInput } from '@marketdesk/domain';
import { User, type EntityManager } from '@marketdesk/db';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError } from '../../errors/app-error.js';
import { userRepository } from '../../repositories/user-repository.js';
import { sessionRepository } from '../../repositories/session-repository.js';
import { recordEvent } from '../outbox/record-event.js';
import type { LiveGateway } from '../live-gateway.js';
import type { LoginRateLimit } from './login-rate-limit.js';
import type { AccountMailer } from './account-mail.js';
import type { AccountSecurityService } from './account-security-service.js';
import type { TwoFactorService } from './two-factor-service.js';
import { avatarUrlOf } from '../profile/set-avatar.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords.js';
import type { SessionService } from './session-service.js';
import { job } from '../../jobs/job-types.js';

export interface RequestMeta {
  ip: string;
  userAgent: string | null;
  now: Date;
}

export interface MeSource {
  id: string;
  email: string;
  displayName: string;
  roles: readonly string[];
  emailVerified: boolean;
  twoFactorEnabled: boolean;
  avatarKey: string | null;
}

export function meSourceOf(user: User): MeSource {
  return { ...user, roles: user.roles, emailVerified: user.emailVerifiedAt !== null, twoFactorEnabled: user.totpEnabledAt !== null, avatarKey: user.avatarKey };
}

export function toMe(user: MeSource, opts: { twoFactorSetupRequired?: boolean } = {}) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: [...user.roles] as User['roles'],
    emailVerified: user.emailVerified,
    twoFactorEnabled: user.twoFactorEnabled,
    avatarUrl: avatarUrlOf(user.avatarKey),
    /** Staff without 2FA while it is required: the console sends them to enrol first. */
    twoFactorSetupRequired: opts.twoFactorSetupRequired ?? false,
  };
}
export type Me = ReturnType<typeof toMe>;

const incorrect = () => new AppError('UNAUTHORIZED', 'Email or password is incorrect.');

export function createAuthService(deps: {
  sessions: SessionService;
  rateLimit: LoginRateLimit;
  live: () => LiveGateway;
  accountSecurity: AccountSecurityService;
  twoFactor: TwoFactorService;
  mail: AccountMailer;
}) {
  const { sessions, rateLimit, twoFactor } = deps;
  const meOf = (user: User) => {
    const source = meSourceOf(user);
    return toMe(source, { twoFactorSetupRequired: twoFactor.setupRequired(source) });
  };
  async function signIn(em: EntityManager, user: User, meta: RequestMeta) {
    await rateLimit.reset(user.email);
    const { token, session } = await sessions.create(em, user, meta, meta.now);
    return { status: 'signed_in' as const, me: meOf(user), token, expiresAt: session.expiresAt };
  }

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
            jobs: [job('mail.welcome', { userId: user.id })],
            actorId: user.id,
            now: meta.now,
          });
        });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) {
          // The owner hears about it by mail; the caller gets an answer that names no account.
          deps.mail.send({
            template: 'account_exists',
            to: input.email,
            userId: null,
            subject: 'Someone tried to create a Marketdesk account with your address',
            lines: ['Hi,', '', `Someone (maybe you) tried to register ${input.email}, which already has an account. If you forgot your password, reset it from the sign-in page. If it was not you, nothing changed.`],
          });
          throw new AppError('CONFLICT', 'We could not create an account with these details. If you already have one, sign in or reset your password.');
        }
        throw error;
      }
      await deps.accountSecurity.sendVerification(em, user.id, meta.now);
      const { token, session } = await sessions.create(em, user, meta, meta.now);
      return { me: meOf(user), token, expiresAt: session.expiresAt };
    },

    async login(em: EntityManager, input: LoginInput, meta: RequestMeta) {
      const attempt = await rateLimit.attempt(input.email, meta.ip);
      const user = await userRepository.findByEmail(em, input.email);
      const ok = user ? await verifyPassword(user.passwordHash, input.password) : await burnPasswordCheck(input.password);
      if (!user || !ok) {
        await attempt.failed();
        throw incorrect();
      }
      await attempt.succeeded();
      if (user.totpEnabledAt) return { status: 'two_factor_required' as const, challenge: await twoFactor.openChallenge(user.id) };
      return signIn(em, user, meta);
    },

    /** Step two: the challenge from step one plus a TOTP code or an unused recovery code. */
    async loginSecondFactor(em: EntityManager, input: LoginSecondFactorInput, meta: RequestMeta) {
      const proof = 'code' in input ? { code: input.code } : { recoveryCode: input.recoveryCode };
      const user = await twoFactor.completeChallenge(em, input.challenge, proof, {
        attempt: (email) => rateLimit.attempt(email, meta.ip),
      });
      if (!user) throw new AppError('UNAUTHORIZED', 'That code is not right. Try the newest code, or a recovery code.');
      return signIn(em, user, meta);
    },

    /** Signs in a user already identified (Google sign-in); a second factor still applies. */
    async completeExternalSignIn(em: EntityManager, user: User, meta: RequestMeta) {
      if (user.totpEnabledAt) return { status: 'two_factor_required' as const, challenge: await twoFactor.openChallenge(user.id) };
      return signIn(em, user, meta);
    },

    me(user: MeSource) {
      return toMe(user, { twoFactorSetupRequired: twoFactor.setupRequired(user) });
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
