// Seeds the demo data once: runs only on an empty users table, so restarts keep what people changed.
import type { EntityManager } from '../orm.js';
import { Category, User } from '../entities/index.js';
import { demoCategories, demoPassword, demoUsers, type DemoCategory } from './demo-data.js';

export interface SeedResult {
  seeded: boolean;
  users: { email: string; roles: string[] }[];
}

export async function seedDemo(
  em: EntityManager,
  hashPassword: (plain: string) => Promise<string>,
): Promise<SeedResult> {
  const users = demoUsers.map((u) => ({ email: u.email, roles: u.roles }));
  if ((await em.count(User, {})) > 0) return { seeded: false, users };
  const passwordHash = await hashPassword(demoPassword);
  await em.transactional(async (tx) => {
    for (const u of demoUsers) tx.persist(new User({ ...u, passwordHash }));
    persistCategories(tx, demoCategories, null);
  });
  return { seeded: true, users };
}

function persistCategories(em: EntityManager, list: DemoCategory[], parent: Category | null): void {
  list.forEach((c, position) => {
    const category = em.create(Category, { slug: c.slug, name: c.name, position, parent });
    persistCategories(em, c.children ?? [], category);
  });
}
