// Categories: the catalog tree.
import { Category, type EntityManager } from '@marketdesk/db';
import { sql } from './sql.js';

export const categoryRepository = {
  all(em: EntityManager): Promise<Category[]> {
    return em.find(Category, {}, { orderBy: { position: 'asc', name: 'asc' } });
  },
  /** The ids of the category with this slug and of all its descendants; empty when there is no such category. */
  async subtreeIds(em: EntityManager, slug: string): Promise<string[]> {
    const rows = await sql(
      em,
      `with recursive tree as (select id from categories where slug = ? union all select c.id from categories c join tree t on c.parent_id = t.id) select id from tree`,
      [slug],
    );
    return rows.map((r) => r.id as string);
  },
};
