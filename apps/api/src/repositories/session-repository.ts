// Sessions: stored by token hash; expiry extended in place (sliding window).
import { Session, type EntityManager } from '@marketdesk/db';

export const sessionRepository = {
  findWithUser(em: EntityManager, id: string): Promise<Session | null> {
    return em.findOne(Session, { id }, { populate: ['user'] });
  },
  add(em: EntityManager, session: Session): void {
    em.persist(session);
  },
  async extend(em: EntityManager, id: string, expiresAt: Date, seenAt: Date): Promise<void> {
    await em.nativeUpdate(Session, { id }, { expiresAt, lastSeenAt: seenAt });
  },
  async delete(em: EntityManager, id: string): Promise<number> {
    return em.nativeDelete(Session, { id });
  },
  listForUser(em: EntityManager, userId: string): Promise<Session[]> {
    return em.find(Session, { user: userId }, { orderBy: { lastSeenAt: 'desc' } });
  },
  async deleteForUser(em: EntityManager, id: string, userId: string): Promise<number> {
    return em.nativeDelete(Session, { id, user: userId });
  },
  async listIdsForUser(em: EntityManager, userId: string): Promise<string[]> {
    const rows = await em.find(Session, { user: userId }, { fields: ['id'] });
    return rows.map((r) => r.id);
  },
  async deleteManyForUser(em: EntityManager, userId: string, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return em.nativeDelete(Session, { user: userId, id: { $in: ids } });
  },
  async deleteAllForUser(em: EntityManager, userId: string): Promise<number> {
    return em.nativeDelete(Session, { user: userId });
  },
};
