// Listings through the listing machine (create → review → live, edits back to review, version
// conflicts) and storefront search (typos, facets, sorting, cursors) on real PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCategory, createLiveListing, type Person } from './catalog-fixtures.js';
import { client, openSocket, nextEvent, registerUser, startApi, waitFor, type InputOf, type RunningApi } from './harness.js';
import { decidedOn } from './queue-decisions.js';

let api: RunningApi;
let seller: Person;
let seller2: Person;
let admin: Person;
let rock: { id: string; slug: string };
let jazz: { id: string; slug: string };
const tag = Date.now().toString(36);

const search = async (input: InputOf<'catalog.search'>) => (await client(api).catalog.search.query(input)).data!;

beforeAll(async () => {
  api = await startApi();
  [seller, seller2, admin] = await Promise.all([registerUser(api, { roles: ['seller'] }), registerUser(api, { roles: ['seller'] }), registerUser(api, { roles: ['admin'] })]);
  rock = await createCategory(api, 'Rock');
  jazz = await createCategory(api, 'Jazz');
  const l = (s: Person, categoryId: string, title: string, priceMinor: number, condition: InputOf<'listings.create'>['condition'], artist: string) =>
    createLiveListing(api, s, admin, { categoryId, title: `${title} ${tag}`, priceMinor, quantity: 1, condition, attributes: { artist, format: 'LP' } });
  await l(seller, rock.id, 'The Beatles – Abbey Road', 4500, 'VG+', 'The Beatles');
  await l(seller2, rock.id, 'The Beatles – Revolver', 3800, 'VG', 'The Beatles');
  await l(seller, rock.id, 'Zeppelin IV', 4200, 'NM', 'Led Zeppelin');
  await l(seller2, jazz.id, 'Kind of Blue', 5500, 'VG+', 'Miles Davis');
});
afterAll(async () => {
  await api.close();
});

it('finds listings despite a typo and says what it searched for', async () => {
  const r = await search({ q: `beatels ${tag}` });
  expect(r.items.map((i) => i.title).sort()).toEqual([`The Beatles – Abbey Road ${tag}`, `The Beatles – Revolver ${tag}`]);
  expect(r.correctedQuery).toBe(`beatles ${tag}`);
  const none = await search({ q: `zzqxv ${tag}` });
  expect(none.total).toBe(0);
});

it('counts facets, each ignoring its own filter, and filters by them', async () => {
  const all = await search({ q: tag });
  expect(all.total).toBe(4);
  expect(all.facets.category.find((c) => c.value === rock.slug)?.count).toBe(3);
  const vgPlus = await search({ q: tag, conditions: ['VG+'] });
  expect(vgPlus.items).toHaveLength(2);
  expect(vgPlus.facets.condition.find((c) => c.value === 'NM')?.count).toBe(1); // its own filter ignored
  const rockOnly = await search({ q: tag, category: rock.slug, price: '25-50' });
  expect(rockOnly.items.map((i) => i.priceMinor).sort()).toEqual([3800, 4200, 4500]);
  const bySeller = await search({ q: tag, sellerId: seller2.id });
  expect(bySeller.total).toBe(2);
  expect((await client(api).catalog.search.query({ q: tag, category: 'no-such-category' })).error?.data.code).toBe('NOT_FOUND');
  expect((await client(api).catalog.search.queryUnchecked({ q: tag, conditions: ['Shiny'] })).error?.data.code).toBe('BAD_REQUEST');
});

it('sorts by price and pages with cursors without repeats or gaps', async () => {
  const seen: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 5; i++) {
    const page = await search({ q: tag, sort: 'price_asc', limit: 1, ...(cursor ? { cursor } : {}) });
    seen.push(...page.items.map((x) => x.priceMinor));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  expect(seen).toEqual([3800, 4200, 4500, 5500]);
  expect((await client(api).catalog.search.query({ q: tag, cursor: 'garbage' })).error?.data.code).toBe('BAD_REQUEST');
});

it('pages every sort by its keyset: one listing a page gives the one-page answer, in order', async () => {
  for (const sort of ['relevance', 'newest', 'price_desc'] as const) {
    const whole = (await search({ q: `beatles ${tag}`, sort, limit: 10 })).items.map((x) => x.id);
    expect(whole).toHaveLength(2);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 4; i++) {
      const page = await search({ q: `beatles ${tag}`, sort, limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((x) => x.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen, sort).toEqual(whole);
  }
  const all = await search({ q: tag });
  expect(all.facets.inStock).toBe(4);
  expect(all.facets.seller.map((s) => [s.value, s.count]).sort()).toEqual([[seller.id, 2], [seller2.id, 2]].sort());
});

it('sends an edited live listing back to review, refuses stale versions, and hides it meanwhile', async () => {
  const created = await client(api).listings.create.mutate({ categoryId: jazz.id, title: `Time Out ${tag}`, priceMinor: 2800, quantity: 2, condition: 'VG' }, { cookie: seller.cookie });
  expect(created.data?.state).toBe('pending_review');
  expect((await client(api).catalog.listing.query({ id: created.data!.id })).error?.data.code).toBe('NOT_FOUND'); // not public yet
  const pending = await client(api).listings.pendingReview.query(undefined, { cookie: admin.cookie });
  expect(pending.data?.some((l) => l.id === created.data!.id)).toBe(true);
  expect((await client(api).listings.pendingReview.query(undefined, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');
  // The reviewer's view carries the listing's queue row; the decision names it (sellers may not decide).
  const review = (await client(api).listings.forReview.query({ id: created.data!.id }, { cookie: admin.cookie })).data!;
  expect(review.queueItem).toMatchObject({ queue: 'listings', subjectId: created.data!.id, state: 'pending_review' });
  const row = { id: review.queueItem!.id, version: review.queueItem!.version };
  expect((await client(api).queues.decide.mutate({ ...row, decision: 'accept' }, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');
  const approved = decidedOn('listings', (await client(api).queues.decide.mutate({ ...row, decision: 'accept' }, { cookie: admin.cookie })).data)!.listing;
  expect(approved).toMatchObject({ id: created.data!.id, state: 'active' });
  expect((await client(api).queues.decide.mutate({ ...row, decision: 'reject', reason: 'photos', note: '' }, { cookie: admin.cookie })).error?.data.code).toBe('CONFLICT'); // decided already

  const stale = await client(api).listings.update.mutate({ id: created.data!.id, version: created.data!.version, priceMinor: 2500 }, { cookie: seller.cookie });
  expect(stale.error?.data.code).toBe('CONFLICT');
  const other = await client(api).listings.update.mutate({ id: created.data!.id, version: approved.version, priceMinor: 1 }, { cookie: seller2.cookie });
  expect(other.error?.data.code).toBe('BAD_REQUEST'); // below the minimum price, checked before anything else
  const notOwner = await client(api).listings.update.mutate({ id: created.data!.id, version: approved.version, priceMinor: 2500 }, { cookie: seller2.cookie });
  expect(notOwner.error?.data.code).toBe('FORBIDDEN');
  // A price change keeps it on sale; a change to what buyers read about the item goes to review.
  const repriced = await client(api).listings.update.mutate({ id: created.data!.id, version: approved.version, priceMinor: 2500 }, { cookie: seller.cookie });
  expect(repriced.data?.state).toBe('active');
  const edited = await client(api).listings.update.mutate({ id: created.data!.id, version: repriced.data!.version, description: 'Now with the original inner sleeve.' }, { cookie: seller.cookie });
  expect(edited.data?.state).toBe('pending_review');
  const stockOnly = await client(api).listings.update.mutate({ id: created.data!.id, version: repriced.data!.version + 2, quantity: 5 }, { cookie: seller.cookie });
  expect(stockOnly.error).toBeUndefined();
  expect(stockOnly.data?.state).toBe('pending_review');
});

it('pushes live stock to anonymous visitors of a listing page', async () => {
  const l = await createLiveListing(api, seller, admin, { categoryId: rock.id, title: `Rumours ${tag}`, priceMinor: 2900, quantity: 3 });
  const socket = openSocket(api, '');
  await waitFor(socket, 'connect');
  const joined = await new Promise<{ ok: boolean }>((resolve) => socket.emit('subscribe', `listing:${l.id}`, resolve));
  expect(joined.ok).toBe(true);
  const denied = await new Promise<{ ok: boolean }>((resolve) => socket.emit('subscribe', 'team:all', resolve));
  expect(denied.ok).toBe(false);
  const listing = await client(api).catalog.listing.query({ id: l.id });
  const event = nextEvent<{ name: string; payload: { available: number } }>(socket, 'event', (e) => e.name === 'listing.stock_changed');
  await client(api).listings.update.mutate({ id: l.id, version: listing.data!.version, quantity: 7 }, { cookie: seller.cookie });
  expect((await event).payload.available).toBe(7);
  socket.disconnect();
});

it('puts listings under review in the shared queue engine: rows, claims and decisions stay in step', async () => {
  const agent = await registerUser(api, { roles: ['agent'], displayName: 'Rita Reviewer' });
  const created = await client(api).listings.create.mutate({ categoryId: jazz.id, title: `Mingus Ah Um ${tag}`, priceMinor: 3100, quantity: 1, condition: 'NM' }, { cookie: seller.cookie });
  const rows = async () => (await client(api).queues.list.query({ queue: 'listings', filter: {} }, { cookie: admin.cookie })).data!.items;
  const row = (await rows()).find((r) => r.subjectId === created.data!.id);
  expect(row?.state).toBe('pending_review');

  // The agent claims it: the admin's decision is refused while the claim runs.
  const claimed = await client(api).queues.claim.mutate({ id: row!.id }, { cookie: agent.cookie });
  expect(claimed.error).toBeUndefined();
  const blocked = await client(api).queues.decide.mutate({ id: row!.id, version: claimed.data!.version, decision: 'accept' }, { cookie: admin.cookie });
  expect(blocked.error?.data.code).toBe('CONFLICT');
  expect(blocked.error?.message).toMatch(/^Rita Reviewer has it/);
  const approved = await client(api).queues.decide.mutate({ id: row!.id, version: claimed.data!.version, decision: 'accept' }, { cookie: agent.cookie });
  expect(decidedOn('listings', approved.data)).toMatchObject({ listing: { state: 'active' }, item: { state: 'active', decidedBy: agent.id } });
  expect((await rows()).some((r) => r.subjectId === created.data!.id)).toBe(false);
  const closed = await client(api).queues.get.query({ id: row!.id }, { cookie: admin.cookie });
  expect(closed.data?.item).toMatchObject({ state: 'active', claimedBy: null });

  // Editing it sends it back: the same row reopens.
  const listing = await client(api).catalog.listing.query({ id: created.data!.id });
  await client(api).listings.update.mutate({ id: created.data!.id, version: listing.data!.version, title: `Edited ${created.data!.id.slice(0, 6)}` }, { cookie: seller.cookie });
  expect((await rows()).find((r) => r.subjectId === created.data!.id)).toMatchObject({ id: row!.id, state: 'pending_review' });
});
