// Seller submissions end to end: an instant indicative quote, the queue row, staff counter-offers
// the seller follows live on their room, counters within limits, requests for information, offers
// that expire (timer and lazily), and accepted goods bought by the house shop: live listings in the
// house shop (linked to the submission for staff only) and the seller paid through the ledger.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyLiveEvent, QueueDecision } from '@marketdesk/domain';
import { reconcileLedger } from '../src/services/ledger/reconcile-ledger.js';
import { createCategory } from './catalog-fixtures.js';
import { client, nextEvent, openSocket, registerUser, startApi, until, waitFor, type InputOf, type RunningApi } from './harness.js';
import { decidedOn } from './queue-decisions.js';

type Person = Awaited<ReturnType<typeof registerUser>>;
type SubmittedItem = InputOf<'submissions.create'>['items'][number];

let api: RunningApi;
let seller: Person;
let admin: Person;

const records: [SubmittedItem, SubmittedItem] = [
  { artist: 'Miles Davis', title: 'Kind of Blue', format: 'lp', grade: 'NM', askingMinor: 4000 },
  { artist: 'Nick Drake', title: 'Pink Moon', format: 'lp', grade: 'VG+', askingMinor: 3000 },
];

async function submit(by = seller, items: SubmittedItem[] = records) {
  const res = await client(api).submissions.create.mutate({ items, note: 'From my attic' }, { cookie: by.cookie });
  if (!res.data) throw new Error(`submit failed: ${JSON.stringify(res.error)}`);
  return res.data;
}
const get = async (id: string, who = admin) => (await client(api).submissions.get.query({ id }, { cookie: who.cookie })).data!;

/** A staff decision through queues.decide, on the submission's queue row as staff see it now. */
async function decide(s: { id: string }, decision: QueueDecision, who = admin, on: RunningApi = api) {
  const row = (await get(s.id)).queueItem!;
  const res = await client(on).queues.decide.mutate({ ...decision, id: row.id, version: row.version }, { cookie: who.cookie });
  return { ...res, data: decidedOn('submissions', res.data) };
}

const availableOf = async (who: Person) =>
  (await client(api).ledger.myBalances.query(undefined, { cookie: who.cookie })).data!.find((b) => b.currency === 'EUR')?.availableMinor ?? 0;

async function listing(id: string) {
  const [row] = (await api.app.db.orm.em.fork().getConnection().execute(`select state, price_minor, seller_id, title from listings where id = ?`, [id])) as { state: string; price_minor: number; seller_id: string; title: string }[];
  return row;
}

/** The seller follows their submissions on `seller:{id}` (joined on request, checked by policy). */
async function sellerRoom(on: RunningApi) {
  const socket = openSocket(on, seller.cookie);
  await waitFor(socket, 'connect');
  expect(await new Promise<{ ok: boolean }>((r) => socket.emit('subscribe', `seller:${seller.id}`, r))).toMatchObject({ ok: true });
  return socket;
}

beforeAll(async () => {
  api = await startApi();
  await createCategory(api, 'Vinyl');
  [seller, admin] = await Promise.all([registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Vera Vinyl' }), registerUser(api, { roles: ['admin'], displayName: 'Dana Admin' })]);
});
afterAll(async () => {
  await api.close();
});

describe('submitting', () => {
  it('quotes at once from the pricing engine and enters the queue', async () => {
    const s = await submit();
    expect(s.state).toBe('submitted');
    // NM: 4000 × 100 % × 40 % = 1600; VG+: 3000 × 75 % × 40 % = 900.
    expect(s.items.map((i) => i.offerMinor)).toEqual([1600, 900]);
    expect(s.indicativeMinor).toBe(2500);
    const row = (await client(api).queues.get.query({ id: s.queueItemId }, { cookie: admin.cookie })).data!.item;
    expect(row).toMatchObject({ queue: 'submissions', subjectId: s.id, state: 'submitted', valueMinor: 2500, sellerId: seller.id, sellerName: 'Vera Vinyl', waitingOn: 'staff', title: 'Miles Davis – Kind of Blue + 1 more' });
    expect(row.conditions.sort()).toEqual(['NM', 'VG+']);
    expect(row.slaDueAtMs).toBeGreaterThan(Date.now());
  });

  it('refuses bad input with the zod issues, strangers and photos that are not yours', async () => {
    const bad = await client(api).submissions.create.mutateUnchecked({ items: [{ ...records[0], grade: 'shiny', askingMinor: 1.5 }] }, { cookie: seller.cookie });
    expect(bad.error?.data.code).toBe('BAD_REQUEST');
    expect(bad.error?.data.zodIssues?.length).toBeGreaterThanOrEqual(2);
    expect((await client(api).submissions.create.mutate({ items: [] }, { cookie: seller.cookie })).error?.message).toMatch(/Add at least one item/);
    const photo = await client(api).submissions.create.mutate({ items: [{ ...records[0], imageIds: ['6c1f0f9e-3b7a-4f4c-9a57-0d5c2f1e8a11'] }] }, { cookie: seller.cookie });
    expect(photo.error).toMatchObject({ data: { code: 'BAD_REQUEST' } });
    expect(photo.error?.message).toMatch(/photos of item 1 were not found/);
    const buyer = await registerUser(api);
    expect((await client(api).submissions.create.mutate({ items: records }, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
    const s = await submit();
    const other = await registerUser(api, { roles: ['seller'] });
    expect((await client(api).submissions.get.query({ id: s.id }, { cookie: other.cookie })).error?.data.code).toBe('NOT_FOUND');
    expect((await client(api).queues.decide.mutate({ id: s.queueItemId, version: 1, decision: 'accept' }, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');
  });
});

describe('offers', () => {
  it('a counter-offer reaches the seller live; accepting it, the house shop buys the records, lists them and pays the seller', async () => {
    const s = await submit();
    const socket = await sellerRoom(api);
    const quoted = nextEvent<AnyLiveEvent>(socket, 'event', (e) => e.name === 'submission.quoted' && e.payload.submissionId === s.id);
    await client(api).queues.claim.mutate({ id: s.queueItemId }, { cookie: admin.cookie });
    const countered = await decide(s, { decision: 'counter', items: [{ itemId: s.items[0]!.id, offerMinor: 1800 }] });
    expect(countered.error).toBeUndefined();
    expect(countered.data!.submission).toMatchObject({ state: 'quoted', quoteMinor: 2700 });
    expect(countered.data!.item).toMatchObject({ state: 'quoted', waitingOn: 'seller', claimedBy: null, lastAction: { action: 'quoted', actorName: 'Dana Admin' } });
    const live = (await quoted) as AnyLiveEvent & { payload: { quoteMinor: number; expiresAtMs: number } };
    expect(live.payload.quoteMinor).toBe(2700);
    expect(live.payload.expiresAtMs).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    const bought = nextEvent<AnyLiveEvent>(socket, 'event', (e) => e.name === 'submission.purchased' && e.payload.submissionId === s.id);
    const balanceBefore = await availableOf(seller);
    const waiting = (await client(api).queues.list.query({ queue: 'submissions', filter: { waitingOn: 'seller', sellerId: seller.id } }, { cookie: admin.cookie })).data!;
    expect(waiting.items.map((i) => i.subjectId)).toContain(s.id);
    const mine = await get(s.id, seller);
    expect(mine.queueItem).toBeNull(); // claims and versions of the queue are for staff
    const accepted = await client(api).submissions.respond.mutate({ submissionId: s.id, version: mine.version, response: 'accept' }, { cookie: seller.cookie });
    expect(accepted.data).toMatchObject({ state: 'accepted', agreedMinor: 2700 });
    // The seller hears what was bought and for how much, and is paid: the agreed price is available at once.
    expect(((await bought) as AnyLiveEvent).payload).toMatchObject({ amountMinor: 2700, currency: 'EUR', itemCount: 2 });
    expect(await availableOf(seller)).toBe(balanceBefore + 2700);
    const sellersView = await get(s.id, seller);
    expect(sellersView.purchase).toMatchObject({ amountMinor: 2700, currency: 'EUR', itemCount: 2 });
    expect(sellersView.items.map((i) => ({ bought: i.bought, listingId: i.listingId, sellPriceMinor: i.sellPriceMinor }))).toEqual([
      { bought: true, listingId: null, sellPriceMinor: null },
      { bought: true, listingId: null, sellPriceMinor: null },
    ]);
    expect(sellersView.items.map((i) => i.boughtForMinor)).toEqual([1800, sellersView.items[1]!.offerMinor]);
    // Staff see where each item went: a listing in the house shop, never in the seller's own shop.
    const after = await get(s.id);
    const ids = after.items.map((i) => i.listingId!);
    expect(ids.every(Boolean)).toBe(true);
    expect(after.queueItem).toMatchObject({ state: 'accepted', waitingOn: null, lastAction: { action: 'accepted', actorId: seller.id } });
    const first = await listing(after.items[0]!.listingId!);
    const house = await api.app.db.orm.em.fork().getConnection().execute<{ user_id: string }[]>('select user_id from house_shop');
    // The shelf price is the sell formula on the graded value, never below what we pay (1800) plus the minimum margin.
    expect(first).toMatchObject({ state: 'active', seller_id: house[0]!.user_id, title: 'Miles Davis – Kind of Blue' });
    // Buyers see the house shop's record, and nothing of where it came from.
    const page = (await client(api).catalog.listing.query({ id: ids[0]! })).data!;
    expect(page.seller.name).toBe('Marketdesk Records');
    expect(page.description).not.toMatch(/submission|[0-9a-f]{8}/i);
    expect((await reconcileLedger(api.app.db.orm.em.fork())).balanced).toBe(true);
    expect(Number(first!.price_minor)).toBe(after.items[0]!.sellPriceMinor);
    expect(after.items[0]!.sellPriceMinor).toBeGreaterThanOrEqual(2700);
    socket.close();
  });

  it('the seller counters within limits; staff accept the counter and the items are listed at its prices', async () => {
    const s = await submit();
    const accept = await decide(s, { decision: 'accept' });
    // Earlier tests listed the same records, so the reference is now their market price: whatever
    // the indicative total was, the offer sent is exactly that.
    expect(accept.data?.submission).toMatchObject({ state: 'quoted', quoteMinor: s.indicativeMinor });
    let version = accept.data!.submission.version;
    const [a, b] = accept.data!.submission.items;
    const tooMuch = await client(api).submissions.respond.mutate({ submissionId: s.id, version, response: 'counter', items: [{ itemId: a!.id, counterMinor: 4500 }] }, { cookie: seller.cookie });
    expect(tooMuch.error).toMatchObject({ data: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/original asking price/) as unknown });
    const counter = await client(api).submissions.respond.mutate({ submissionId: s.id, version, response: 'counter', items: [{ itemId: a!.id, counterMinor: a!.offerMinor + 200 }, { itemId: b!.id, counterMinor: b!.offerMinor + 100 }] }, { cookie: seller.cookie });
    const counterTotal = a!.offerMinor + b!.offerMinor + 300;
    expect(counter.data).toMatchObject({ state: 'countered', counterMinor: counterTotal });
    version = counter.data!.version;
    expect((await client(api).submissions.respond.mutate({ submissionId: s.id, version, response: 'accept' }, { cookie: seller.cookie })).error?.data.code).toBe('CONFLICT');
    const row = (await get(s.id)).queueItem!;
    expect(row).toMatchObject({ state: 'countered', waitingOn: 'staff', valueMinor: counterTotal, lastAction: { action: 'countered' } });
    const taken = decidedOn('submissions', (await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'accept' }, { cookie: admin.cookie })).data);
    expect(taken?.submission).toMatchObject({ state: 'accepted', agreedMinor: counterTotal });
    const items = taken!.submission.items;
    expect(items.every((i) => i.listingId)).toBe(true);
    for (const i of items) expect((await listing(i.listingId!))?.state).toBe('active');
    const done = await get(s.id, seller);
    const walkAway = await client(api).submissions.respond.mutate({ submissionId: s.id, version: done.version, response: 'decline' }, { cookie: seller.cookie });
    expect(walkAway.error?.message).toMatch(/contact support/);
  });

  it('asks the seller for information and mirrors the answer on the queue row', async () => {
    const s = await submit();
    const asked = await decide(s, { decision: 'request_info', message: 'Is the inner sleeve original?' });
    expect(asked.data?.item).toMatchObject({ waitingOn: 'seller', lastAction: { action: 'info_requested' } });
    const mine = await get(s.id, seller);
    expect(mine.infoRequest).toBe('Is the inner sleeve original?');
    const answered = await client(api).submissions.provideInfo.mutate({ submissionId: s.id, message: 'Yes, with the lyrics insert.' }, { cookie: seller.cookie });
    expect(answered.data?.infoResponse).toBe('Yes, with the lyrics insert.');
    expect((await get(s.id)).queueItem).toMatchObject({ waitingOn: 'staff', lastAction: { action: 'info_provided' } });
    expect((await client(api).submissions.provideInfo.mutate({ submissionId: s.id, message: 'again' }, { cookie: seller.cookie })).error?.data.code).toBe('CONFLICT');
  });

  it('refuses to accept an offer past its expiry even before the timer ran', async () => {
    const s = await submit();
    const accept = await decide(s, { decision: 'accept' });
    await api.app.db.orm.em.fork().getConnection().execute(`update submissions set quote_expires_at = now() - interval '1 minute' where id = ?`, [s.id]);
    const late = await client(api).submissions.respond.mutate({ submissionId: s.id, version: accept.data!.submission.version, response: 'accept' }, { cookie: seller.cookie });
    expect(late.error?.data.code).toBe('CONFLICT');
    expect(late.error?.message).toMatch(/This offer expired at .* and can no longer be accepted/);
    expect((await get(s.id)).state).toBe('quoted');
  });

  it('expires an unanswered offer by its timer; it cannot be accepted afterwards', async () => {
    const quick = await startApi({ QUOTE_VALID_MINUTES: '0.02', WORKER_IN_PROCESS: 'true' });
    try {
      const s = await submit();
      const watcher = await sellerRoom(quick);
      const expired = nextEvent<AnyLiveEvent>(watcher, 'event', (e) => e.name === 'submission.expired' && e.payload.submissionId === s.id, 15_000);
      const offered = await decide(s, { decision: 'accept' }, admin, quick);
      expect(offered.data?.submission.state).toBe('quoted');
      await expired;
      const after = await until(() => get(s.id, seller), (x) => x.state === 'expired');
      expect(after).toMatchObject({ state: 'expired', actions: [] });
      const late = await client(api).submissions.respond.mutate({ submissionId: s.id, version: after.version, response: 'accept' }, { cookie: seller.cookie });
      expect(late.error?.data.code).toBe('CONFLICT');
      expect((await get(s.id)).queueItem).toMatchObject({ state: 'expired', lastAction: { action: 'expired', actorId: null } });
      watcher.close();
    } finally {
      await quick.close();
    }
  });
});
