// The category tree as nested nodes, roots first, each level in its configured order.
import type { EntityManager } from '@marketdesk/db';
import { categoryRepository } from '../../repositories/category-repository.js';

export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  children: CategoryNode[];
}

export async function listCategoryTree(em: EntityManager): Promise<CategoryNode[]> {
  const rows = await categoryRepository.all(em);
  const nodes = new Map(rows.map((c) => [c.id, { id: c.id, slug: c.slug, name: c.name, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const c of rows) {
    const node = nodes.get(c.id)!;
    const parent = c.parent ? nodes.get(c.parent.id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
