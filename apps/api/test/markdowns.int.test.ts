// Markdowns and bulk pricing policies on real PostgreSQL + Redis: the dry run of a bulk policy
// matches what applying it does (and a stale preview is refused), a markdown run lowers a price
// once per period however often it runs (also concurrently), never below the floor, every change
// recorded with its policy version — and each wishlister of a dropped item gets one notification.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobContext } from '../src/jobs/job-context.js';
import { runMarkdownsJob } from '../src/jobs/markdowns/run-markdowns.js';
import { createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, registerUser, startApi, until, type RunningApi } from './harness.js';

let api: RunningApi;
let seller: Person;
let admin: Person;
let categoryId: string;

beforeAll(async () => {
  api = await startApi({ WORKER_IN_PROCESS: 'true' });
  [seller, admin] = await Promise.all([registerUser(api, { roles: ['seller', 'buyer'] }), registerUser(api, { roles: ['admin'] })]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  await api.close();
});

const exec = (q: string, params: unknown[] = []) => api.app.db.orm.em.fork().getConnection().execute(q, params) as Promise<Record<string, unknown>[]>;
const price = async (id: string) => Number((await exec(`select price_minor from listings where id = ?`, [id]))[0]!.price_minor);
const ageListings = (ids: string[], days: number) => exec(`update listings set published_at = now() - (? * interval '1 day') where id in (${ids.map(() => '?').join(',')})`, [days, ...ids]);
const ageStock = (ids: string[], days: number) => exec(`update listing_pricing set stocked_at = now() - (? * interval '1 day') where listing_id in (${ids.map(() => '?').join(',')})`, [days, ...ids]);

async function defaultPolicyId() {
  const policies = await client(api).markdowns.policies.query(undefined, { cookie: admin.cookie });
  return policies.data!.find((p) => p.key === 'default')!.id;
}

describe('bulk pricing policy', () => {
  it('applies exactly what the dry run showed, records the policy version, and refuses a stale preview', async () => {
    const tag = key().slice(4, 12);
    const a = await createLiveListing(api, seller, admin, { categoryId, title: `Markdown A ${tag}`, priceMinor: 1_999, quantity: 2 });
    const b = await createLiveListing(api, seller, admin, { categoryId, title: `Markdown B ${tag}`, priceMinor: 399, quantity: 1 });
    const c = await createLiveListing(api, seller, admin, { categoryId, title: `Markdown C ${tag}`, priceMinor: 4_500, quantity: 1 });
    await ageListings([a.id, b.id], 95);
    await ageListings([c.id], 10);
    const policyVersionId = await defaultPolicyId();
    const input = { policyVersionId, filter: { q: tag } };

    expect((await client(api).markdowns.preview.query(input, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');
    const preview = (await client(api).markdowns.preview.query(input, { cookie: admin.cookie })).data!;
    const byId = Object.fromEntries(preview.rows.map((r) => [r.listingId, r]));
    // −35 % after 90 days: 19.99 → 12.99; 3.99 → 2.59, held at the €2.99 floor; 10 days: unchanged.
    expect(byId[a.id]).toMatchObject({ fromMinor: 1_999, toMinor: 1_299, deltaMinor: -700 });
    expect(byId[b.id]).toMatchObject({ fromMinor: 399, toMinor: 299, floorBound: true });
    expect(byId[c.id]).toMatchObject({ fromMinor: 4_500, toMinor: 4_500, deltaMinor: 0 });
    expect(preview.summary).toMatchObject({ listings: 3, changed: 2, lowered: 2, raised: 0, deltaMinor: -800 });
    // A dry run changes nothing.
    expect([await price(a.id), await price(b.id)]).toEqual([1_999, 399]);

    const applied = await client(api).markdowns.applyPolicy.mutate({ ...input, previewToken: preview.previewToken }, { cookie: admin.cookie });
    expect(applied.error).toBeUndefined();
    expect(applied.data!.rows).toEqual(preview.rows);
    expect(applied.data!.summary).toEqual(preview.summary);
    for (const r of preview.rows) expect(await price(r.listingId)).toBe(r.toMinor);

    const history = await client(api).markdowns.priceHistory.query({ listingId: a.id }, { cookie: seller.cookie });
    expect(history.data!.changes).toEqual([expect.objectContaining({ reason: 'policy', fromMinor: 1_999, toMinor: 1_299, policyVersion: preview.policy.version, policyVersionId: policyVersionId })]);
    expect(history.data!.plan!.map((p) => [p.afterDays, p.priceMinor])).toEqual([[0, 1_999], [30, 1_799], [60, 1_599], [90, 1_299], [180, 999]]);
    const stranger = await registerUser(api);
    expect((await client(api).markdowns.priceHistory.query({ listingId: a.id }, { cookie: stranger.cookie })).error?.data.code).toBe('FORBIDDEN');

    // The same token again: the prices moved since, so the preview is stale.
    const stale = await client(api).markdowns.applyPolicy.mutate({ ...input, previewToken: preview.previewToken }, { cookie: admin.cookie });
    expect(stale.error?.data.code).toBe('CONFLICT');
    expect((await exec(`select count(*)::int as n from listing_price_changes where listing_id in (?, ?, ?)`, [a.id, b.id, c.id]))[0]!.n).toBe(2);
  });
});

describe('markdown runs', () => {
  it('lower once per period even when the job runs twice (and concurrently), never below the floor, and notify each wishlister once', async () => {
    const tag = key().slice(4, 12);
    const drop = await createLiveListing(api, seller, admin, { categoryId, title: `Markdown drop ${tag}`, priceMinor: 1_999, quantity: 1 });
    const floor = await createLiveListing(api, seller, admin, { categoryId, title: `Markdown floor ${tag}`, priceMinor: 349, quantity: 1 });
    const [w1, w2, bystander] = await Promise.all([registerUser(api), registerUser(api), registerUser(api)]);
    for (const w of [w1, w2]) expect((await client(api).wishlist.save.mutate({ listingId: drop.id }, { cookie: w.cookie })).error).toBeUndefined();
    await client(api).wishlist.save.mutate({ listingId: drop.id }, { cookie: w1.cookie }); // saving twice keeps one entry

    // Put both on the default policy while new (nothing changes yet), then age their stock.
    const policyVersionId = await defaultPolicyId();
    const input = { policyVersionId, filter: { q: tag } };
    const preview = (await client(api).markdowns.preview.query(input, { cookie: admin.cookie })).data!;
    expect(preview.summary.changed).toBe(0);
    await client(api).markdowns.applyPolicy.mutate({ ...input, previewToken: preview.previewToken }, { cookie: admin.cookie });
    await ageStock([drop.id, floor.id], 65);

    const ctx = createJobContext(api.app.services.config, api.app.db, pino({ level: 'silent' }), api.app.gateway);
    await runMarkdownsJob.handle(ctx, {});
    await runMarkdownsJob.handle(ctx, {});
    await Promise.all([runMarkdownsJob.handle(ctx, {}), runMarkdownsJob.handle(ctx, {}), client(api).markdowns.runNow.mutate(undefined, { cookie: admin.cookie })]);
    // −20 % after 60 days: 19.99 → 15.99, once; 3.49 → 2.79 would break the €2.99 floor.
    expect(await price(drop.id)).toBe(1_599);
    expect(await price(floor.id)).toBe(299);
    const changes = await exec(`select listing_id, from_minor, to_minor, reason, policy_version, period_key from listing_price_changes where listing_id in (?, ?) order by created_at`, [drop.id, floor.id]);
    expect(changes.map((c) => [c.listing_id, c.from_minor, c.to_minor, c.reason, c.policy_version])).toEqual([
      [expect.any(String), expect.any(Number), expect.any(Number), 'markdown', 1],
      [expect.any(String), expect.any(Number), expect.any(Number), 'markdown', 1],
    ]);
    expect(changes.find((c) => c.listing_id === drop.id)).toMatchObject({ from_minor: 1_999, to_minor: 1_599, period_key: `markdown:${policyVersionId}:1` });
    expect(changes.find((c) => c.listing_id === floor.id)).toMatchObject({ from_minor: 349, to_minor: 299 });

    // The next period lowers again; the floor listing stays at the floor.
    await ageStock([drop.id, floor.id], 200);
    await runMarkdownsJob.handle(ctx, {});
    await runMarkdownsJob.handle(ctx, {});
    expect([await price(drop.id), await price(floor.id)]).toEqual([999, 299]);

    // Each wishlister: exactly one notification per drop (two drops), the bystander none.
    const drops = async (p: Person) => (await client(api).notifications.list.query({ limit: 100 }, { cookie: p.cookie })).data!.items.filter((n) => n.kind === 'wishlist_price_drop');
    for (const w of [w1, w2]) {
      const got = await until(() => drops(w), (n) => n.length >= 2);
      expect(got.map((n) => n.title).sort()).toEqual([`Price drop: Markdown drop ${tag} is now €15.99`, `Price drop: Markdown drop ${tag} is now €9.99`].sort());
    }
    await new Promise((r) => setTimeout(r, 1_000)); // any duplicate delivery would have landed by now
    for (const w of [w1, w2]) expect(await drops(w)).toHaveLength(2);
    expect(await drops(bystander)).toHaveLength(0);

    // The wishlist shows the drop against the price when saved.
    const wishlist = await client(api).wishlist.list.query(undefined, { cookie: w1.cookie });
    expect(wishlist.data).toEqual([expect.objectContaining({ listing: expect.objectContaining({ id: drop.id, priceMinor: 999 }), savedPriceMinor: 1_999, priceDropMinor: 1_000 })]);
  });
});

describe('policy versions', () => {
  it('adds a version per edit, checked by the domain, and previews with it', async () => {
    const input = { key: `clearance-${key().slice(4, 10)}`, name: 'Clearance', markdown: [{ afterDays: 14, discountBp: 2_500 }], sellFloorMinor: 199, sellEnding: 'charm' as const };
    const v1 = await client(api).markdowns.savePolicy.mutate(input, { cookie: admin.cookie });
    const v2 = await client(api).markdowns.savePolicy.mutate({ ...input, markdown: [{ afterDays: 14, discountBp: 2_500 }, { afterDays: 7, discountBp: 1_000 }] }, { cookie: admin.cookie });
    expect([v1.data?.version, v2.data?.version]).toEqual([1, 2]);
    expect(v2.data?.policy.markdown).toEqual([{ afterDays: 7, discountBp: 1_000 }, { afterDays: 14, discountBp: 2_500 }]);
    const bad = await client(api).markdowns.savePolicy.mutate({ ...input, markdown: [{ afterDays: 7, discountBp: 3_000 }, { afterDays: 14, discountBp: 1_000 }] }, { cookie: admin.cookie });
    expect(bad.error?.data.code).toBe('BAD_REQUEST');
    const tag = key().slice(4, 12);
    const l = await createLiveListing(api, seller, admin, { categoryId, title: `Clearance ${tag}`, priceMinor: 1_000, quantity: 1 });
    await ageListings([l.id], 15);
    const preview = (await client(api).markdowns.preview.query({ policyVersionId: v2.data!.id, filter: { q: tag } }, { cookie: admin.cookie })).data!;
    expect(preview.rows).toEqual([expect.objectContaining({ listingId: l.id, fromMinor: 1_000, toMinor: 699 })]); // −25 %: 7.50 → 6.99
  });
});
