// Catalog categories: a tree with SEO slugs.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type Ref } from '@mikro-orm/core';

export class Category {
  id: string = randomUUID();
  slug!: string;
  name!: string;
  parent: Ref<Category> | null = null;
  position = 0;
}

export const CategorySchema = new EntitySchema<Category>({
  class: Category,
  tableName: 'categories',
  properties: {
    id: { type: 'uuid', primary: true },
    slug: { type: 'string', length: 120, unique: true },
    name: { type: 'string', length: 120 },
    parent: { kind: 'm:1', entity: () => Category, ref: true, nullable: true, deleteRule: 'restrict' },
    position: { type: 'integer' },
  },
});
