// Sent mail records (what the worker delivered).
import { SentMail, type EntityManager } from '@marketdesk/db';

export const sentMailRepository = {
  findByDedupeKey(em: EntityManager, key: string): Promise<SentMail | null> {
    return em.findOne(SentMail, { dedupeKey: key });
  },
  add(em: EntityManager, mail: SentMail): void {
    em.persist(mail);
  },
  recent(em: EntityManager, limit: number): Promise<SentMail[]> {
    return em.find(SentMail, {}, { orderBy: { sentAt: 'desc' }, limit });
  },
};
