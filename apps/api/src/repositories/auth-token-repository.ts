// Single-use, expiring tokens for emailed links. Consuming is one conditional UPDATE, so two clicks
// racing on the same link cannot both succeed.
import { AuthToken, type AuthTokenPurpose, type EntityManager, type User } from '@marketdesk/db';
import { generateLinkToken, sha256Hex } from '../services/auth/one-time-secrets.js';
import { db } from './db.js';

export const authTokenRepository = {
  /** Issues a new token; earlier unused tokens of the same purpose stop working. */
  async issue(em: EntityManager, user: User, purpose: AuthTokenPurpose, ttlMs: number, now: Date): Promise<string> {
    const token = generateLinkToken();
    await db(em).updateTable('AuthToken').set({ usedAt: now }).where('user', '=', user.id).where('purpose', '=', purpose).where('usedAt', 'is', null).execute();
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
    const row = await db(em)
      .updateTable('AuthToken')
      .set({ usedAt: now })
      .where('tokenHash', '=', sha256Hex(token))
      .where('purpose', '=', purpose)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .returning(['user as userId', 'email'])
      .executeTakeFirst();
    return row ?? null;
  },
};
