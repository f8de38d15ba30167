// Categories: the catalog tree.
import { Category, type EntityManager } from '@marketdesk/db';
import { db } from './db.js';

export const categoryRepository = {
  all(em: EntityManager): Promise<Category[]> {
    return em.find(Category, {}, { orderBy: { position: 'asc', name: 'asc' } });
  },
  /** The ids of the category with this slug and of all its descendants; empty when there is no such category. */
  async subtreeIds(em: EntityManager, slug: string): Promise<string[]> {
    // The CTE's column is `node`, spelled like no column, so the plugin leaves its name alone.
    const rows = await db(em)
      .withRecursive('tree(node)', (qc) =>
        qc
          .selectFrom('Category as c')
          .select('c.id as node')
          .where('c.slug', '=', slug)
          .unionAll((u) => u.selectFrom('Category as c').innerJoin('tree as t', 't.node', 'c.parent').select('c.id as node')),
      )
      .selectFrom('tree')
      .select('tree.node')
      .execute();
    return rows.map((r) => r.node);
  },
};
