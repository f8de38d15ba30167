// Builds catalog data through the real API: a category, sellers' listings approved by a reviewer.
import { randomUUID } from 'node:crypto';
import { Category } from '@marketdesk/db';
import { client, type InputOf, type registerUser, type RunningApi } from './harness.js';

export async function createCategory(api: RunningApi, name = 'Test records') {
  const em = api.app.db.orm.em.fork();
  const category = em.create(Category, { slug: `cat-${randomUUID().slice(0, 8)}`, name, position: 0, parent: null });
  await em.flush();
  return { id: category.id, slug: category.slug };
}

export type Person = Awaited<ReturnType<typeof registerUser>>;

export async function createLiveListing(
  api: RunningApi,
  seller: Person,
  reviewer: Person,
  fields: Omit<InputOf<'listings.create'>, 'draft'>,
) {
  const created = await client(api).listings.create.mutate({ condition: 'VG+', shippingMinor: 500, deliverySlaDays: 2, ...fields }, { cookie: seller.cookie });
  if (!created.data) throw new Error(`create failed: ${JSON.stringify(created.error)}`);
  // The reviewer approves it through the listings queue, on the row their review page shows.
  const row = (await client(api).listings.forReview.query({ id: created.data.id }, { cookie: reviewer.cookie })).data?.queueItem;
  if (!row) throw new Error(`listing ${created.data.id} is not in the review queue`);
  const approved = await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'accept' }, { cookie: reviewer.cookie });
  if (approved.error) throw new Error(`approve failed: ${JSON.stringify(approved.error)}`);
  return created.data;
}

export const address = { name: 'Bea Buyer', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' };

export const key = () => `key-${randomUUID()}`;
