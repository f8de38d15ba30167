// A patch changes exactly the keys it carries. Property: for any subset of a live listing's fields,
// `listings.update` leaves every other field as it was, sets the carried ones, and sends the listing
// back to review only when the domain says one of the changed fields needs review — a stock-only
// patch once emptied the description, attributes, condition and shipping price and took the
// listing off sale, because the patch schema applied the create schema's defaults.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editNeedsReview } from '@marketdesk/domain';
import { createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, registerUser, startApi, type InputOf, type RunningApi } from './harness.js';

let api: RunningApi;
let seller: Person;
let admin: Person;
let categories: string[];

beforeAll(async () => {
  api = await startApi({ RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
  seller = await registerUser(api, { roles: ['seller'] });
  admin = await registerUser(api, { roles: ['admin'] });
  categories = [(await createCategory(api)).id, (await createCategory(api, 'Other records')).id];
});

afterAll(async () => {
  await api?.close();
});

const columns = {
  categoryId: 'category_id', title: 'title', description: 'description', attributes: 'attributes', condition: 'condition',
  priceMinor: 'price_minor', quantity: 'quantity', shippingMinor: 'shipping_minor', deliverySlaDays: 'delivery_sla_days', dealEndsAt: 'deal_ends_at',
} as const;
type Field = keyof typeof columns;
/** The fields listings.update carries besides id and version. */
type Patch = Omit<InputOf<'listings.update'>, 'id' | 'version'>;

async function row(id: string) {
  const [r] = (await api.app.db.orm.em.fork().getConnection().execute(`select *, version from listings where id = ?`, [id])) as Record<string, unknown>[];
  const value = (field: string, v: unknown) => (field === 'dealEndsAt' && v !== null ? new Date(v as string).toISOString() : v);
  const out = Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, value(field, r![column])]));
  return { fields: out as Record<Field, unknown>, state: r!.state as string, version: Number(r!.version) };
}

const patchValues = {
  categoryId: fc.constantFrom(0, 1).map((i) => () => categories[i]!),
  title: fc.stringMatching(/^[A-Z][a-z]{3,20}$/).map((t) => () => `Edited ${t}`),
  description: fc.constantFrom('', 'Plays through without a skip.', 'Small seam split on the sleeve.').map((d) => () => d),
  attributes: fc.constantFrom<Record<string, string>>({}, { artist: 'Nina Simone' }, { artist: 'Can', year: '1971' }).map((a) => () => a),
  condition: fc.constantFrom('M', 'NM', 'VG+', 'VG', null).map((c) => () => c),
  priceMinor: fc.integer({ min: 50, max: 90_000 }).map((p) => () => p),
  quantity: fc.integer({ min: 1, max: 40 }).map((q) => () => q),
  shippingMinor: fc.integer({ min: 0, max: 2_000 }).map((s) => () => s),
  deliverySlaDays: fc.integer({ min: 1, max: 20 }).map((d) => () => d),
  dealEndsAt: fc.constantFrom(null, '2030-01-01T00:00:00.000Z').map((d) => () => d),
} satisfies { [F in Field]-?: fc.Arbitrary<() => Patch[F]> };

describe('listings.update', () => {
  it('changes exactly the carried fields; only review fields take a live listing off sale', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record(patchValues, { requiredKeys: [] }), async (picked) => {
        const listing = await createLiveListing(api, seller, admin, {
          categoryId: categories[0]!, title: `Patch ${key()}`, priceMinor: 2500, quantity: 3, shippingMinor: 450,
          condition: 'VG+', description: 'First pressing, gatefold.', attributes: { artist: 'Miles Davis', format: 'LP' },
        });
        const before = await row(listing.id);
        expect(before.state).toBe('active');
        const patch = Object.fromEntries(Object.entries(picked).map(([f, value]) => [f, (value as () => unknown)()])) as Patch;
        const res = await client(api).listings.update.mutate({ id: listing.id, version: before.version, ...patch }, { cookie: seller.cookie });
        expect(res.error).toBeUndefined();
        const after = await row(listing.id);
        const carried = Object.keys(patch) as Field[];
        for (const field of Object.keys(columns) as Field[]) {
          const expected = carried.includes(field) ? patch[field] : before.fields[field];
          expect(after.fields[field], field).toEqual(expected);
        }
        const changed = carried.filter((f) => JSON.stringify(patch[f]) !== JSON.stringify(before.fields[f]));
        expect(after.state).toBe(editNeedsReview(changed) ? 'pending_review' : 'active');
        expect(res.data?.state).toBe(after.state);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps a stock-only edit of a live listing on sale with everything else intact', async () => {
    const listing = await createLiveListing(api, seller, admin, { categoryId: categories[0]!, title: `Stock ${key()}`, priceMinor: 3000, quantity: 2, shippingMinor: 450, condition: 'NM', description: 'Sealed.' });
    const before = await row(listing.id);
    const res = await client(api).listings.update.mutate({ id: listing.id, version: before.version, quantity: 7 }, { cookie: seller.cookie });
    expect(res.data?.state).toBe('active');
    expect((await row(listing.id)).fields).toEqual({ ...before.fields, quantity: 7 });
  });
});
