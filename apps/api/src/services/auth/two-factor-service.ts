// TOTP two-factor: enrolment (key sealed at rest, QR code, confirmed by a first code), ten
// single-use recovery codes stored hashed, the sign-in challenge between password and code, and
// turning it off (password + code; never for staff while STAFF_2FA_REQUIRED is on).
import type { Redis } from 'ioredis';
import { isStaff, type Actor, type Role } from '@marketdesk/domain';
import type { EntityManager, User } from '@marketdesk/db';
import type { Config } from '../../env.js';
import { AppError } from '../../errors/app-error.js';
import { userRepository } from '../../repositories/user-repository.js';
import { userSecurityRepository } from '../../repositories/user-security-repository.js';
import type { RateLimiter } from '../rate-limit/redis-rate-limit.js';
import type { AccountMailer } from './account-mail.js';
import type { LoginAttempt } from './login-rate-limit.js';
import { generateLinkToken, generateRecoveryCode, hashRecoveryCode, sha256Hex } from './one-time-secrets.js';
import { verifyPassword } from './passwords.js';
import type { SecretBox } from './secret-box.js';
import { base32, generateTotpKey, totpKeyUri, verifyTotpOnce } from './totp.js';

const challengeTtlSeconds = 5 * 60;

/** The failed-sign-in limiter, bound to the caller's IP. */
export interface ChallengeGuard {
  /** Counts a sign-in attempt of the account before the code is checked (see login-rate-limit). */
  attempt(email: string): Promise<LoginAttempt>;
}
const recoveryCodeCount = 10;

export function createTwoFactorService(deps: { config: Config; redis: Redis; box: SecretBox; limiter: RateLimiter; mail: AccountMailer }) {
  const { config, redis, box, limiter } = deps;
  const challengeKey = (challenge: string) => `${config.REDIS_PREFIX}:2fa-challenge:${sha256Hex(challenge)}`;
  const staffMustEnrol = config.STAFF_2FA_REQUIRED ?? config.NODE_ENV === 'production';

  async function load(em: EntityManager, userId: string): Promise<User> {
    const user = await userRepository.findById(em, userId);
    if (!user) throw new AppError('UNAUTHORIZED', 'Please sign in again.');
    return user;
  }

  async function checkCode(user: User, code: string): Promise<boolean> {
    if (!user.totpKeySealed) return false;
    return verifyTotpOnce(redis, config.REDIS_PREFIX, user.id, box.open(user.totpKeySealed), code);
  }

  function newRecoveryCodes(user: User): string[] {
    const codes = Array.from({ length: recoveryCodeCount }, generateRecoveryCode);
    user.recoveryCodeHashes = codes.map(hashRecoveryCode);
    return codes;
  }

  const notify = (user: User, what: string) =>
    deps.mail.send({ template: 'two_factor_changed', to: user.email, userId: user.id, subject: 'Two-factor sign-in changed on your Marketdesk account', lines: [`Hi ${user.displayName},`, '', `${what} If this was not you, reset your password at once and contact support.`] });

  return {
    /** Whether this person must have 2FA before using staff procedures. */
    setupRequired(user: { roles: readonly string[]; twoFactorEnabled: boolean; grants?: Actor['grants'] }): boolean {
      return staffMustEnrol && !user.twoFactorEnabled && isStaff({ id: '', roles: user.roles as Role[], ...(user.grants ? { grants: user.grants } : {}) });
    },

    /** For room joins: staff who must still enrol act with their non-staff roles only. */
    restrictUntilEnrolled<A extends Actor & { twoFactorEnabled: boolean }>(actor: A | null): A | null {
      if (!actor || !this.setupRequired(actor)) return actor;
      return this.withoutStaffRoles(actor);
    },

    /** The actor without its staff roles (custom staff roles too): for sockets of staff who must still enrol. */
    withoutStaffRoles<A extends Actor>(actor: A): A {
      return { ...actor, roles: actor.roles.filter((r) => !isStaff({ ...actor, roles: [r] })) };
    },

    /** Starts (or restarts) enrolment: a fresh key, shown as a QR code and as text for manual entry. */
    async begin(em: EntityManager, userId: string) {
      const user = await load(em, userId);
      if (user.totpEnabledAt) throw new AppError('CONFLICT', 'Two-factor sign-in is already on. Turn it off first to use a new authenticator.');
      const key = generateTotpKey();
      user.totpKeySealed = box.seal(key);
      await em.flush();
      const uri = totpKeyUri(user.email, key);
      // qrcode (with its PNG encoder) loads here, on the first enrolment, not with every API process.
      const { default: QRCode } = await import('qrcode');
      return { uri, secret: base32(key), qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
    },

    /** The first code proves the app holds the key; returns the recovery codes, shown this once. */
    async confirm(em: EntityManager, userId: string, code: string, now: Date) {
      const user = await load(em, userId);
      if (user.totpEnabledAt) throw new AppError('CONFLICT', 'Two-factor sign-in is already on.');
      if (!user.totpKeySealed) throw new AppError('BAD_REQUEST', 'Start the set-up first: scan the QR code, then enter a code.');
      await limiter.consume(`2fa-confirm:${user.id}`, { limit: 10, windowSeconds: 600 });
      if (!(await checkCode(user, code))) throw new AppError('BAD_REQUEST', 'That code is not right. Check the time on your phone and try the newest code.');
      user.totpEnabledAt = now;
      const recoveryCodes = newRecoveryCodes(user);
      await em.flush();
      notify(user, 'Two-factor sign-in was turned on.');
      return { recoveryCodes };
    },

    async regenerateRecoveryCodes(em: EntityManager, userId: string, code: string) {
      const user = await load(em, userId);
      if (!user.totpEnabledAt) throw new AppError('BAD_REQUEST', 'Turn on two-factor sign-in first.');
      await limiter.consume(`2fa-confirm:${user.id}`, { limit: 10, windowSeconds: 600 });
      if (!(await checkCode(user, code))) throw new AppError('BAD_REQUEST', 'That code is not right.');
      const recoveryCodes = newRecoveryCodes(user);
      await em.flush();
      notify(user, 'New recovery codes were created; the old ones no longer work.');
      return { recoveryCodes };
    },

    async disable(em: EntityManager, userId: string, password: string, code: string) {
      const user = await load(em, userId);
      if (!user.totpEnabledAt) return { ok: true as const };
      if (staffMustEnrol && isStaff({ id: '', roles: user.roles as Role[] })) {
        throw new AppError('FORBIDDEN', 'Staff accounts must keep two-factor sign-in on.');
      }
      await limiter.consume(`2fa-confirm:${user.id}`, { limit: 10, windowSeconds: 600 });
      // The password first, so a wrong password never uses up a recovery code.
      const passwordOk = await verifyPassword(user.passwordHash, password);
      const secondFactorOk = passwordOk && (/^\d{3}\s?\d{3}$/.test(code.trim())
        ? await checkCode(user, code)
        : await userSecurityRepository.consumeRecoveryCode(em, user.id, hashRecoveryCode(code)));
      if (!secondFactorOk) {
        throw new AppError('BAD_REQUEST', 'The password or the code is not right.');
      }
      user.totpKeySealed = null;
      user.totpEnabledAt = null;
      user.recoveryCodeHashes = [];
      await em.flush();
      notify(user, 'Two-factor sign-in was turned off.');
      return { ok: true as const };
    },

    async statusFor(em: EntityManager, actor: { id: string; roles: readonly string[] }) {
      const user = await load(em, actor.id);
      return {
        enabled: user.totpEnabledAt !== null,
        enabledAt: user.totpEnabledAt,
        recoveryCodesLeft: user.recoveryCodeHashes.length,
        /** True for staff while STAFF_2FA_REQUIRED is on: turning it off is refused. */
        required: staffMustEnrol && isStaff({ id: actor.id, roles: actor.roles as Role[] }),
      };
    },

    /** After a correct password: a short-lived challenge the second step must present. */
    async openChallenge(userId: string): Promise<string> {
      const challenge = generateLinkToken();
      await redis.set(challengeKey(challenge), userId, 'EX', challengeTtlSeconds);
      return challenge;
    },

    /**
     * Checks the second factor for a challenge. Five wrong tries end the challenge (the person signs
     * in with the password again, which the failed-login limit also counts).
     */
    async completeChallenge(em: EntityManager, challenge: string, proof: { code: string } | { recoveryCode: string }, guard: ChallengeGuard): Promise<User | null> {
      const key = challengeKey(challenge);
      const userId = await redis.get(key);
      if (!userId) throw new AppError('UNAUTHORIZED', 'This sign-in has expired. Enter your email and password again.');
      const user = await userRepository.findById(em, userId);
      if (!user || !user.totpEnabledAt) throw new AppError('UNAUTHORIZED', 'This sign-in has expired. Enter your email and password again.');
      // Wrong codes count as failed sign-ins of the account: guessing across many fresh challenges
      // (each needing the password) still locks the account like password guessing does.
      const attempt = await guard.attempt(user.email);
      const ok = 'code' in proof
        ? await checkCode(user, proof.code)
        : await userSecurityRepository.consumeRecoveryCode(em, user.id, hashRecoveryCode(proof.recoveryCode));
      if (ok) {
        await attempt.succeeded();
        await redis.del(key);
        return user;
      }
      await attempt.failed();
      const tries = await redis.incr(`${key}:tries`);
      await redis.expire(`${key}:tries`, challengeTtlSeconds);
      if (tries >= 5) await redis.del(key);
      return null;
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
