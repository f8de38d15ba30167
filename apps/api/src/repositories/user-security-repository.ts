// Atomic updates to a user's security state (verification, second factor, Google link), kept as
// single conditional statements so concurrent requests cannot both win.
import { User, type EntityManager } from '@marketdesk/db';

export const userSecurityRepository = {
  /** Verifies only if the address is still the one the link was sent to. */
  async markEmailVerified(em: EntityManager, userId: string, email: string, now: Date): Promise<void> {
    await em.getConnection().execute(`update users set email_verified_at = coalesce(email_verified_at, ?) where id = ? and email = ?`, [now, userId, email]);
  },
  /** Removes one recovery code if it is still unused; true when this call used it. */
  async consumeRecoveryCode(em: EntityManager, userId: string, codeHash: string): Promise<boolean> {
    const rows = await em.getConnection().execute<{ id: string }[]>(
      `update users set recovery_code_hashes = array_remove(recovery_code_hashes, ?) where id = ? and ? = any(recovery_code_hashes) returning id`,
      [codeHash, userId, codeHash],
    );
    return rows.length === 1;
  },
  findByGoogleSubject(em: EntityManager, subject: string): Promise<User | null> {
    return em.findOne(User, { googleSubject: subject });
  },
};
