// Users: the only module that queries the users table.
import { User, type EntityManager } from '@marketdesk/db';

export const userRepository = {
  /** Leads (admins), e.g. to tell about escalations. */
  async adminIds(em: EntityManager): Promise<string[]> {
    const rows = await em.getConnection().execute<{ id: string }[]>(`select id from users where 'admin' = any(roles)`, [], 'all', em.getTransactionContext());
    return rows.map((r) => r.id);
  },
  /** Serialises one person's changes that must not interleave (e.g. two KYC submissions at once). */
  async lockForUpdate(em: EntityManager, id: string): Promise<void> {
    await em.getConnection().execute(`select id from users where id = ? for update`, [id], 'all', em.getTransactionContext());
  },
  findByEmail(em: EntityManager, email: string): Promise<User | null> {
    return em.findOne(User, { email });
  },
  findById(em: EntityManager, id: string): Promise<User | null> {
    return em.findOne(User, { id });
  },
  async displayNames(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await em.find(User, { id: { $in: ids } }, { fields: ['id', 'displayName'] });
    return new Map(rows.map((u) => [u.id, u.displayName]));
  },
  /** The house shop's seller account (created by migration; the platform's own record store). */
  async houseShop(em: EntityManager): Promise<{ id: string; displayName: string }> {
    const rows = await em.getConnection().execute<{ id: string; display_name: string }[]>(
      `select u.id, u.display_name from house_shop h join users u on u.id = h.user_id where h.id = 1`,
      [],
      'all',
      em.getTransactionContext(),
    );
    if (!rows[0]) throw new Error('The house shop account is missing: run the migrations.');
    return { id: rows[0].id, displayName: rows[0].display_name };
  },
  add(em: EntityManager, user: User): void {
    em.persist(user);
  },
};
