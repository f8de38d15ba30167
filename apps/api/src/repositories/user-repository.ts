// Users: the only module that queries the users table.
import { User, type EntityManager } from '@marketdesk/db';

export const userRepository = {
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
  add(em: EntityManager, user: User): void {
    em.persist(user);
  },
};
