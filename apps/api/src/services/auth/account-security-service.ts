// Use cases around proving who you are after registration: verifying the email address, resetting a
// forgotten password by an emailed single-use link, and changing the password (which signs out every
// other device). Answers never reveal whether an address has an account.
import type { EntityManager } from '@marketdesk/db';
import type { Config } from '../../env.js';
import { AppError } from '../../errors/app-error.js';
import { userRepository } from '../../repositories/user-repository.js';
import { sessionRepository } from '../../repositories/session-repository.js';
import { authTokenRepository } from '../../repositories/auth-token-repository.js';
import { userSecurityRepository } from '../../repositories/user-security-repository.js';
import type { LiveGateway } from '../live-gateway.js';
import type { RateLimiter } from '../rate-limit/redis-rate-limit.js';
import type { AccountMailer } from './account-mail.js';
import type { LoginRateLimit } from './login-rate-limit.js';
import { hashPassword, verifyPassword } from './passwords.js';

const hourSeconds = 3600;

export function createAccountSecurityService(deps: {
  config: Config;
  mail: AccountMailer;
  limiter: RateLimiter;
  loginRateLimit: LoginRateLimit;
  live: () => LiveGateway;
}) {
  const { config, mail, limiter } = deps;
  const resetTtlMs = config.PASSWORD_RESET_TTL_MINUTES * 60_000;
  const verifyTtlMs = config.EMAIL_VERIFICATION_TTL_HOURS * hourSeconds * 1000;

  async function endSessions(em: EntityManager, userId: string, keepSessionId: string | null) {
    const ids = (await sessionRepository.listIdsForUser(em, userId)).filter((id) => id !== keepSessionId);
    if (ids.length === 0) return 0;
    await sessionRepository.deleteManyForUser(em, userId, ids);
    await deps.live().disconnectSessions(ids);
    return ids.length;
  }

  const service = {
    /** Mails a verification link to the user's address (at registration and on request). */
    async sendVerification(em: EntityManager, userId: string, now: Date) {
      const user = await userRepository.findById(em, userId);
      if (!user || user.emailVerifiedAt) return;
      const token = await authTokenRepository.issue(em, user, 'email_verification', verifyTtlMs, now);
      mail.send({
        template: 'verify_email',
        to: user.email,
        userId: user.id,
        subject: 'Confirm your email address for Marketdesk',
        lines: [`Hi ${user.displayName},`, '', `Please confirm that ${user.email} is your address. The link works once and expires in ${config.EMAIL_VERIFICATION_TTL_HOURS} hours.`],
        link: `${config.STOREFRONT_URL}/verify-email?token=${token}`,
      });
    },

    async requestVerification(em: EntityManager, userId: string, now: Date) {
      await limiter.consume(`verify-mail:${userId}`, { limit: 5, windowSeconds: hourSeconds }, (s) => `We have sent several links already. Check your inbox, or ask again in ${Math.ceil(s / 60)} minutes.`);
      await service.sendVerification(em, userId, now);
      return { ok: true as const };
    },

    async verifyEmail(em: EntityManager, token: string, now: Date) {
      const used = await authTokenRepository.consume(em, token, 'email_verification', now);
      if (!used) throw new AppError('BAD_REQUEST', 'This confirmation link has expired or was already used. Ask for a new one from your account page.');
      // Only the address the link was sent to is verified: changing the email later needs a new link.
      await userSecurityRepository.markEmailVerified(em, used.userId, used.email, now);
      return { ok: true as const };
    },

    /** Always answers the same, whether or not the address has an account. */
    async requestPasswordReset(em: EntityManager, email: string, now: Date) {
      const user = await userRepository.findByEmail(em, email);
      if (!user) return { ok: true as const };
      // Per address, quietly: a flood of resets for one victim sends at most 3 mails an hour, and the
      // caller cannot tell this apart from an unknown address.
      try {
        await limiter.consume(`reset-mail:${user.id}`, { limit: 3, windowSeconds: hourSeconds });
      } catch {
        return { ok: true as const };
      }
      const token = await authTokenRepository.issue(em, user, 'password_reset', resetTtlMs, now);
      mail.send({
        template: 'password_reset',
        to: user.email,
        userId: user.id,
        subject: 'Reset your Marketdesk password',
        lines: [
          `Hi ${user.displayName},`,
          '',
          `Someone asked to reset the password for ${user.email}. If it was you, choose a new password with the link below; it works once and expires in ${config.PASSWORD_RESET_TTL_MINUTES} minutes.`,
          'If it was not you, ignore this mail: your password stays as it is.',
        ],
        link: `${config.STOREFRONT_URL}/reset-password?token=${token}`,
      });
      return { ok: true as const };
    },

    /** Sets the new password, ends every session of the account and clears its sign-in lockout. */
    async resetPassword(em: EntityManager, token: string, password: string, now: Date) {
      const passwordHash = await hashPassword(password);
      const used = await authTokenRepository.consume(em, token, 'password_reset', now);
      if (!used) throw new AppError('BAD_REQUEST', 'This reset link has expired or was already used. Ask for a new one.');
      const user = await userRepository.findById(em, used.userId);
      if (!user) throw new AppError('BAD_REQUEST', 'This reset link has expired or was already used. Ask for a new one.');
      user.passwordHash = passwordHash;
      // Following the link proves control of the address it went to.
      if (!user.emailVerifiedAt && used.email === user.email) user.emailVerifiedAt = now;
      await em.flush();
      await endSessions(em, user.id, null);
      await deps.loginRateLimit.reset(user.email);
      mail.send({ template: 'password_changed', to: user.email, userId: user.id, subject: 'Your Marketdesk password was changed', lines: [`Hi ${user.displayName},`, '', 'Your password was reset and every device was signed out. If this was not you, reset it again at once and contact support.'] });
      return { ok: true as const };
    },

    /** Needs the current password; every other device is signed out, this one stays. */
    async changePassword(em: EntityManager, actor: { id: string; sessionId: string }, current: string, next: string, meta: { ip: string }) {
      const user = await userRepository.findById(em, actor.id);
      if (!user) throw new AppError('UNAUTHORIZED', 'Please sign in again.');
      const attempt = await deps.loginRateLimit.attempt(user.email, meta.ip);
      if (!(await verifyPassword(user.passwordHash, current))) {
        await attempt.failed();
        throw new AppError('BAD_REQUEST', 'Your current password is not right.');
      }
      await attempt.succeeded();
      user.passwordHash = await hashPassword(next);
      await em.flush();
      const signedOut = await endSessions(em, user.id, actor.sessionId);
      mail.send({ template: 'password_changed', to: user.email, userId: user.id, subject: 'Your Marketdesk password was changed', lines: [`Hi ${user.displayName},`, '', `Your password was changed and ${signedOut} other device${signedOut === 1 ? ' was' : 's were'} signed out. If this was not you, reset your password at once.`] });
      return { ok: true as const, signedOutSessions: signedOut };
    },
  };
  return service;
}

export type AccountSecurityService = ReturnType<typeof createAccountSecurityService>;
