// Names where people expected ids (issue 22, item 7): the audit log names each row's actor and
// the ledger names each account's and posting's owner (the shop, or the buyer), and staff pick
// people and shops by name or email through the roles page's people search, each with its own
// permission. A name is personal data for a viewer who may not see that person's data (a custom
// role with audit.view and ledger.reconcile but not users.view_pii): buyers show as initials;
// shop and staff names, which people work under in public, do not.
import { credit, debit } from '@marketdesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithAuditContext } from '../src/services/audit/audit-context.js';
import { postTransfers } from '../src/services/ledger/post-transfers.js';
import { client, registerUser, startApi, type RunningApi } from './harness.js';

type Person = Awaited<ReturnType<typeof registerUser>>;

let api: RunningApi;
let admin: Person;
let seller: Person;
let buyer: Person;
let auditor: Person;
const tag = `${Date.now().toString(36)}`;
const shop = `Spin Shop ${tag}`;

beforeAll(async () => {
  api = await startApi();
  [admin, seller, buyer, auditor] = await Promise.all([
    registerUser(api, { roles: ['admin'], displayName: `Ada Admin ${tag}` }),
    registerUser(api, { roles: ['seller', 'buyer'], displayName: shop }),
    registerUser(api, { displayName: `Bea Buyer ${tag}` }),
    registerUser(api, { displayName: `Otto Auditor ${tag}` }),
  ]);
  // Reads the audit log and the books, but holds no users.view_pii.
  const role = `books_${tag}`.slice(0, 40);
  expect((await client(api).roles.create.mutate({ name: role, grants: { 'console.access': 'any', 'audit.view': 'any', 'ledger.reconcile': 'any' } }, { cookie: admin.cookie })).error).toBeUndefined();
  expect((await client(api).roles.assign.mutate({ userId: auditor.id, roles: ['buyer', role] }, { cookie: admin.cookie })).error).toBeUndefined();
  // Money for the shop and store credit for the buyer, posted as the buyer (an audit row with a buyer as actor).
  const em = api.app.db.orm.em.fork();
  await runWithAuditContext({ actor: { id: buyer.id, roles: ['buyer'] }, requestId: `req-${tag}`, ip: null, userAgent: 'vitest' }, () =>
    em.transactional((tx) =>
      postTransfers(tx, [{ kind: 'posted', id: `names-${tag}`, code: 'adjustment', postings: [debit('platform:stripe_clearing', 700, 'EUR'), credit(`seller:${seller.id}:available` as never, 500, 'EUR'), credit(`buyer:${buyer.id}:credit` as never, 200, 'EUR')] }], new Date()),
    ),
  );
});

afterAll(async () => {
  await api?.close();
});

describe('the audit log names its actors', () => {
  const actorOf = async (viewer: Person, actorId: string) => (await client(api).audit.search.query({ actorId, limit: 5 }, { cookie: viewer.cookie })).data!.rows[0]?.actor;

  it('by name, with buyers as initials to a viewer who may not see their data', async () => {
    expect(await actorOf(admin, buyer.id)).toEqual({ id: buyer.id, name: `Bea Buyer ${tag}`, nameMasked: false });
    expect(await actorOf(auditor, buyer.id)).toEqual({ id: buyer.id, name: `B. B. ${tag[0]!.toUpperCase()}.`, nameMasked: true });
    // Staff are named as they work: the auditor reads the admin's name (the role changes were the admin's).
    expect(await actorOf(auditor, admin.id)).toEqual({ id: admin.id, name: `Ada Admin ${tag}`, nameMasked: false });
  });

  it('lets audit.view holders pick an actor by name or email (the roles page’s search), emails masked', async () => {
    const byName = (await client(api).audit.people.query({ q: `Ada Admin ${tag}` }, { cookie: auditor.cookie })).data!;
    expect(byName).toEqual([expect.objectContaining({ id: admin.id, displayName: `Ada Admin ${tag}`, nameMasked: false, emailMasked: true })]);
    expect(byName[0]!.email).not.toBe(admin.email);
    const byEmail = (await client(api).audit.people.query({ q: buyer.email }, { cookie: auditor.cookie })).data!;
    expect(byEmail).toEqual([expect.objectContaining({ id: buyer.id, nameMasked: true, emailMasked: true })]);
    expect(byEmail[0]!.displayName).not.toContain('Bea');
    // The admin may see the buyer's data: the name in full (the email stays masked until revealed).
    expect((await client(api).audit.people.query({ q: buyer.email }, { cookie: admin.cookie })).data).toEqual([expect.objectContaining({ displayName: `Bea Buyer ${tag}`, nameMasked: false, emailMasked: true })]);
    expect((await client(api).audit.people.query({ q: 'Bea' }, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');
  });
});

describe('the ledger names account owners', () => {
  it('shows the shop’s name on its accounts and finds them by it', async () => {
    const accounts = (await client(api).ledger.accounts.query({ q: shop }, { cookie: admin.cookie })).data!;
    expect(accounts).toEqual([expect.objectContaining({ code: `seller:${seller.id}:available`, name: 'available', owner: { kind: 'seller', id: seller.id, name: shop, nameMasked: false } })]);
    const credit = (await client(api).ledger.accounts.query({ q: buyer.id }, { cookie: auditor.cookie })).data!;
    expect(credit).toEqual([expect.objectContaining({ code: `buyer:${buyer.id}:credit`, owner: expect.objectContaining({ kind: 'buyer', nameMasked: true }) })]);
    expect(JSON.stringify(credit)).not.toContain('Bea');
    // Buyers are not found by name.
    expect((await client(api).ledger.accounts.query({ q: `Bea Buyer ${tag}` }, { cookie: admin.cookie })).data).toEqual([]);
  });

  it('names the owner of every posting, and picks the seller filter by shop name', async () => {
    const sellers = (await client(api).ledger.sellers.query({ q: shop }, { cookie: auditor.cookie })).data!;
    expect(sellers).toEqual([expect.objectContaining({ id: seller.id, displayName: shop, nameMasked: false, emailMasked: true })]);
    expect((await client(api).ledger.sellers.query({ q: buyer.email }, { cookie: admin.cookie })).data).toEqual([]);
    expect((await client(api).ledger.sellers.query({ q: shop }, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');

    const transfers = (await client(api).ledger.transfers.query({ sellerId: sellers[0]!.id }, { cookie: auditor.cookie })).data!;
    const ours = transfers.find((t) => t.postings.some((p) => p.account === `buyer:${buyer.id}:credit`))!;
    expect(ours.postings).toEqual([
      { account: 'platform:stripe_clearing', accountName: 'stripe_clearing', owner: { kind: 'platform' }, side: 'debit', amountMinor: 700, phase: 'posted' },
      { account: `seller:${seller.id}:available`, accountName: 'available', owner: { kind: 'seller', id: seller.id, name: shop, nameMasked: false }, side: 'credit', amountMinor: 500, phase: 'posted' },
      { account: `buyer:${buyer.id}:credit`, accountName: 'credit', owner: { kind: 'buyer', id: buyer.id, name: `B. B. ${tag[0]!.toUpperCase()}.`, nameMasked: true }, side: 'credit', amountMinor: 200, phase: 'posted' },
    ]);
  });
});
