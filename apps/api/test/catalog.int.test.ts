import { afterAll, beforeAll, expect, it } from 'vitest';
import { Category } from '@marketdesk/db';
import { client, startApi, type RunningApi } from './harness.js';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
});

it('returns the category tree to anyone, children nested under parents', async () => {
  const em = api.app.db.orm.em.fork();
  const suffix = Date.now().toString(36);
  const parent = em.create(Category, { slug: `p-${suffix}`, name: 'Parent', position: 0, parent: null });
  em.create(Category, { slug: `c-${suffix}`, name: 'Child', position: 0, parent });
  await em.flush();
  const res = await client(api).catalog.categories.query();
  const found = res.data?.find((c) => c.slug === `p-${suffix}`);
  expect(found?.children.map((c) => c.slug)).toEqual([`c-${suffix}`]);
  expect(res.data?.some((c) => c.slug === `c-${suffix}`)).toBe(false);
});
