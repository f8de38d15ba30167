// Atomic updates to a user's security state (verification, second factor, Google link), kept as
// single conditional statements so concurrent requests cannot both win.
import { User, type EntityManager } from '@marketdesk/db';
import { db } from './db.js';

export const userSecurityRepository = {
  /** Verifies only if the address is still the one the link was sent to. */
  async markEmailVerified(em: EntityManager, userId: string, email: string, now: Date): Promise<void> {
    await db(em)
      .updateTable('User')
      .set((eb) => ({ emailVerifiedAt: eb.fn.coalesce('emailVerifiedAt', eb.val(now)) }))
      .where('id', '=', userId)
      .where('email', '=', email)
      .execute();
  },
  /** Removes one recovery code if it is still unused; true when this call used it. */
  async consumeRecoveryCode(em: EntityManager, userId: string, codeHash: string): Promise<boolean> {
    const { numUpdatedRows } = await db(em)
      .updateTable('User')
      .set((eb) => ({ recoveryCodeHashes: eb.fn<string[]>('array_remove', ['recoveryCodeHashes', eb.val(codeHash)]) }))
      .where('id', '=', userId)
      .where((eb) => eb(eb.val(codeHash), '=', eb.fn.any('recoveryCodeHashes')))
      .executeTakeFirstOrThrow();
    return numUpdatedRows === 1n;
  },
  findByGoogleSubject(em: EntityManager, subject: string): Promise<User | null> {
    return em.findOne(User, { googleSubject: subject });
  },
};
