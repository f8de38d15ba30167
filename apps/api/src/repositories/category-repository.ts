// Categories: the catalog tree.
import { Category, type EntityManager } from '@marketdesk/db';

export const categoryRepository = {
  all(em: EntityManager): Promise<Category[]> {
    return em.find(Category, {}, { orderBy: { position: 'asc', name: 'asc' } });
  },
};
