// Single-use, expiring tokens for emailed links. Consuming is one conditional UPDATE, so two clicks
// racing on the same link cannot both succeed.
import { AuthToken, type AuthTokenPurpose, type EntityManager, type User } from '@marketdesk/db';
import { generateLinkToken, sha256Hex } from '../services/auth/one-time-secrets.js';

export const authTokenRepository = {
  /** Issues a new token; earlier unused tokens of the same purpose stop working. */
  async issue(em: EntityManager, user: User, purpose: AuthTokenPurpose, ttlMs: number, now: Date): Promise<string> {
    const token = generateLinkToken();
    await em.getConnection().execute(
      `update auth_tokens set used_at = ? where user_id = ? and purpose = ? and used_at is null`,
      [now, user.id, purpose],
    );
    const row = em.create(AuthToken, {
      user,
      purpose,
      tokenHash: sha256Hex(token),
      email: user.email,
      expiresAt: new Date(now.getTime() + ttlMs),
      createdAt: now,
    });
    em.persist(row);
    await em.flush();
    return token;
  },

  /** Marks the token used and returns its user id and address, or null (unknown, used, expired). */
  async consume(em: EntityManager, token: string, purpose: AuthTokenPurpose, now: Date): Promise<{ userId: string; email: string } | null> {
    if (!/^[a-z2-7]{32}$/.test(token)) return null;
    const rows = await em.getConnection().execute<{ user_id: string; email: string }[]>(
      `update auth_tokens set used_at = ? where token_hash = ? and purpose = ? and used_at is null and expires_at > ? returning user_id, email`,
      [now, sha256Hex(token), purpose, now],
    );
    const row = rows[0];
    return row ? { userId: row.user_id, email: row.email } : null;
  },
};
