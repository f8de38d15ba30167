// `entityClasses` is what the API's typed SQL names its tables by (apps/api/src/repositories/db.ts):
// it must hold every entity the ORM knows, once, under the name MikroORM gives it.
import { expect, it } from 'vitest';
import { entities, entityClasses } from './entities/index.js';

it('holds exactly the classes of the registered entities', () => {
  const registered = entities.map((schema) => schema.meta.class);
  expect(new Set(Object.values(entityClasses))).toEqual(new Set(registered));
  expect(Object.keys(entityClasses)).toHaveLength(registered.length);
});

it('keys each class by its entity name', () => {
  for (const schema of entities) {
    const name = schema.meta.className;
    expect(entityClasses[name as keyof typeof entityClasses]).toBe(schema.meta.class);
  }
});
