// Users: the only module that queries the users table.
import { User, type EntityManager } from '@marketdesk/db';
import { db, sql } from './db.js';

export const userRepository = {
  /** Leads (admins), e.g. to tell about escalations. */
  async adminIds(em: EntityManager): Promise<string[]> {
    const rows = await db(em)
      .selectFrom('User')
      .select('id')
      .where((eb) => eb(eb.val('admin'), '=', eb.fn.any('roles')))
      .execute();
    return rows.map((r) => r.id);
  },
  /** Serialises one person's changes that must not interleave (e.g. two KYC submissions at once). */
  async lockForUpdate(em: EntityManager, id: string): Promise<void> {
    await db(em).selectFrom('User').select('id').where('id', '=', id).forUpdate().execute();
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
    // house_shop (one row, made by its migration) has no entity, so the builder has no name for it:
    // its user id is a hand-written subquery; the user is read as any other.
    const row = await db(em)
      .selectFrom('User')
      .select(['id', 'displayName'])
      .where('id', '=', sql<string>`(select h.user_id from house_shop h where h.id = 1)`)
      .executeTakeFirst();
    if (!row) throw new Error('The house shop account is missing: run the migrations.');
    return row;
  },
  add(em: EntityManager, user: User): void {
    em.persist(user);
  },
};
