// The authorization matrix: every tRPC procedure (walked from appRouter._def.procedures) and every
// kind of live room, against anonymous, buyer, seller, agent and admin, and against "another
// user's object". Each procedure declares its access as meta through the builder it is made with
// (procedures.ts); permission- and role-gated ones are checked against the domain policy, and the
// rest must be named below — a new procedure without a declared policy fails this test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeServer, type StripeServer } from '@marketdesk/stripe-local';
import { randomUUID } from 'node:crypto';
import { canJoinRoom, defaultGrantTable, hasGrant, permissions, queueNames, roleGrants, roles as builtInRoles, roomKinds, type Actor, type Permission } from '@marketdesk/domain';
import { appRouter } from '../src/routers/_app.js';
import type { ProcedureMeta } from '../src/trpc/init.js';
import { address, createCategory, createLiveListing, key, type Person } from './catalog-fixtures.js';
import { client, mutateUnchecked, openSocket, queryUnchecked, registerUser, startApi, waitFor, type CallResult, type InputOf, type MutationPath, type ProcedurePath, type QueryPath, type RunningApi } from './harness.js';

interface ProcedureDef {
  _def: { type: 'query' | 'mutation' | 'subscription'; meta?: ProcedureMeta };
}
const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def.procedures);

/** Reachable without signing in, on purpose. */
const publicPolicy = new Set([
  'auth.register', 'auth.login', 'auth.loginSecondFactor', 'auth.me', 'auth.providers', 'auth.requestPasswordReset', 'auth.resetPassword', 'auth.verifyEmail',
  'catalog.categories', 'catalog.search', 'catalog.listing', 'catalog.home', 'cart.preview', 'checkout.paymentMode',
  'reviews.forListing', 'reviews.forSeller', 'discovery.recordView', 'discovery.boughtTogether', 'discovery.similar', 'discovery.trending', 'discovery.home',
]);

/**
 * Signed-in procedures without a procedure-level permission, and what protects them instead:
 * `self` acts only on the caller's own records (keyed by ctx.actor.id); `object` loads an object and
 * checks the domain policy on it in the service (probed below as another user's object); `staff`
 * checks isStaff + the queue's permission in the service (probed below as buyer and seller).
 */
const signedInPolicy: Record<string, 'self' | 'object' | 'staff'> = {
  'auth.logout': 'self', 'auth.logoutEverywhere': 'self', 'auth.sessions': 'self', 'auth.revokeSession': 'self', 'auth.changePassword': 'self',
  'auth.requestEmailVerification': 'self', 'auth.twoFactorStatus': 'self', 'auth.beginTwoFactor': 'self', 'auth.confirmTwoFactor': 'self',
  'auth.regenerateRecoveryCodes': 'self', 'auth.disableTwoFactor': 'self', 'profile.update': 'self',
  'cart.get': 'self', 'cart.set': 'self', 'cart.merge': 'self',
  'addresses.list': 'self', 'addresses.add': 'self', 'addresses.remove': 'object', 'addresses.makeDefault': 'object',
  'checkout.start': 'self', 'checkout.payWithTestCard': 'object', 'checkout.get': 'object',
  'orders.mine': 'self', 'orders.get': 'object', 'orders.markDelivered': 'object', 'orders.confirmReceipt': 'object', 'orders.cancel': 'object',
  'reviews.create': 'object', 'reviews.edit': 'object', 'reviews.reply': 'object', 'reviews.forOrder': 'object',
  'notifications.list': 'self', 'notifications.markRead': 'self', 'notifications.preferences': 'self', 'notifications.setPreference': 'self',
  'queues.staff': 'staff', 'queues.stats': 'staff', 'queues.overview': 'staff', 'queues.export': 'staff', 'queues.exportStatus': 'staff', 'queues.list': 'staff', 'queues.get': 'staff',
  'queues.claim': 'staff', 'queues.release': 'staff', 'queues.touch': 'staff', 'queues.reassign': 'staff', 'queues.autoAssign': 'staff', 'queues.bulk': 'staff',
  'queues.decide': 'staff', 'queues.rejectReasons': 'self', 'queues.addNote': 'staff', 'queues.presets': 'staff', 'queues.savePreset': 'staff', 'queues.deletePreset': 'staff',
  'kyc.documentKinds': 'self', 'kyc.get': 'staff', 'disputes.reasons': 'self',
  'wishlist.list': 'self', 'wishlist.ids': 'self', 'wishlist.save': 'self', 'wishlist.remove': 'self',
  'enrichment.capabilities': 'self', 'markdowns.priceHistory': 'object',
  'chat.threadForOrder': 'object', 'chat.thread': 'object', 'chat.myThreads': 'self', 'chat.unread': 'self', 'chat.history': 'object',
  'chat.edit': 'object', 'chat.delete': 'object', 'chat.markRead': 'object', 'chat.report': 'object',
  'roles.effective': 'self',
};

type Who = 'buyer' | 'seller' | 'agent' | 'admin';
const people: Record<Who, string[]> = { buyer: ['buyer'], seller: ['seller', 'buyer'], agent: ['agent'], admin: ['admin'] };
const gateRefusal = /^(You do not have the |This needs one of these roles)/;

let stripe: StripeServer;
let api: RunningApi;
const as = {} as Record<Who | 'otherBuyer' | 'otherSeller', Person>;
let order: { id: string; version: number };
let listingId: string;

/**
 * The matrix walks appRouter's own procedures by the paths it reads at run time (and checks its
 * tables against them), so each path is one; what it sends is whatever the probe needs, unchecked.
 */
function call(path: string, type: string, input: unknown, who?: Person): Promise<CallResult> {
  const opts = who ? { cookie: who.cookie } : {};
  return type === 'query' ? queryUnchecked(api, path as QueryPath, input, opts) : mutateUnchecked(api, path as MutationPath, input, opts);
}

/** One call named in a table below, its input checked against the procedure's; run as whoever probes. */
interface Probe {
  path: ProcedurePath;
  type: 'query' | 'mutation';
  run(who: Person): Promise<CallResult>;
}
const asked = <P extends QueryPath>(path: P, input: InputOf<P>): Probe => ({ path, type: 'query', run: (who) => queryUnchecked(api, path, input, { cookie: who.cookie }) });
const told = <P extends MutationPath>(path: P, input: InputOf<P>): Probe => ({ path, type: 'mutation', run: (who) => mutateUnchecked(api, path, input, { cookie: who.cookie }) });

beforeAll(async () => {
  stripe = await startStripeServer({ port: 0 });
  const secret = 'whsec_matrix';
  api = await startApi({ STRIPE_SECRET_KEY: 'sk_test_marketdesk', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stripe.url, RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
  stripe.setWebhook({ url: `${api.baseUrl}/webhooks/stripe`, secret });
  for (const who of Object.keys(people) as Who[]) as[who] = await registerUser(api, { roles: people[who], displayName: `Matrix ${who}` });
  as.otherBuyer = await registerUser(api, { displayName: 'Other buyer' });
  as.otherSeller = await registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Other seller' });
  const categoryId = (await createCategory(api)).id;
  const listing = await createLiveListing(api, as.seller, as.admin, { categoryId, title: `Matrix ${key()}`, priceMinor: 3000, quantity: 2 });
  listingId = listing.id;
  const started = await client(api).checkout.start.mutate({ idempotencyKey: key(), address, lines: [{ listingId: listing.id, quantity: 1, priceMinor: 3000 }] }, { cookie: as.buyer.cookie });
  await client(api).checkout.payWithTestCard.mutate({ checkoutId: started.data!.checkoutId, card: 'visa', idempotencyKey: key() }, { cookie: as.buyer.cookie });
  const view = await client(api).orders.get.query({ id: started.data!.orders[0]!.id }, { cookie: as.buyer.cookie });
  order = view.data!;
});

afterAll(async () => {
  await api?.close();
  await stripe?.close();
});

describe('every procedure has a declared policy', () => {
  it('declares its access as meta, and the non-gated ones are named here', () => {
    const undeclared = procedures.filter(([path, p]) => {
      const meta = p._def.meta;
      if (!meta?.access) return true;
      if (meta.access === 'public') return !publicPolicy.has(path);
      if (meta.access === 'signed-in') return !(path in signedInPolicy);
      if (meta.access === 'permission') return !meta.permission || !(permissions as readonly string[]).includes(meta.permission);
      return !meta.roles?.length || !meta.roles.every((r) => (builtInRoles as readonly string[]).includes(r));
    });
    expect(undeclared.map(([path, p]) => `${path} (${p._def.meta?.access ?? 'no meta'})`), 'procedures without a declared policy: add one to the builder or to this test').toEqual([]);
    expect(procedures.length).toBeGreaterThan(100);
  });
});

describe('anonymous visitors', () => {
  it('reach only the public procedures', async () => {
    const reached: string[] = [];
    for (const [path, p] of procedures) {
      if (p._def.meta?.access === 'public') continue;
      const res = await call(path, p._def.type, undefined);
      if (res.error?.data.code !== 'UNAUTHORIZED') reached.push(`${path} → ${res.status} ${res.error?.data.code ?? 'ok'}`);
    }
    expect(reached).toEqual([]);
  });
});

describe('roles against permission- and role-gated procedures', () => {
  for (const who of Object.keys(people) as Who[]) {
    it(`a ${who} reaches exactly what the policy grants`, async () => {
      const actor: Actor = { id: 'x', roles: people[who], grants: defaultGrantTable };
      const wrong: string[] = [];
      for (const [path, p] of procedures) {
        const meta = p._def.meta!;
        if (meta.access !== 'permission' && meta.access !== 'role') continue;
        const allowed = meta.access === 'permission' ? hasGrant(actor, meta.permission as Permission) : meta.roles!.some((r) => people[who].includes(r));
        // Allowed mutations are not run (they would change the fixtures); allowed queries must not 500.
        if (allowed && p._def.type === 'mutation') continue;
        const res = await call(path, p._def.type, undefined, as[who]);
        const gated = res.error?.data.code === 'FORBIDDEN' && gateRefusal.test(res.error.message);
        if (!allowed && res.error?.data.code !== 'FORBIDDEN') wrong.push(`${path}: reachable (${res.status} ${res.error?.data.code ?? 'ok'})`);
        if (allowed && (gated || res.status >= 500)) wrong.push(`${path}: refused though granted (${res.status} ${res.error?.message})`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('staff-only procedures checked in the service', () => {
  const probes: Probe[] = [
    asked('queues.list', { queue: 'kyc', limit: 5 }),
    asked('queues.stats', { queue: 'submissions' }),
    asked('queues.overview', undefined),
    asked('queues.staff', { queue: 'disputes' }),
    asked('queues.presets', { queue: 'listings' }),
    told('queues.autoAssign', { queue: 'kyc', capacity: 1, dryRun: true }),
    told('queues.export', { queue: 'payouts' }),
    asked('queues.get', { id: '00000000-0000-4000-8000-000000000000' }),
    asked('kyc.get', { id: '00000000-0000-4000-8000-000000000000' }),
  ];
  it('refuses buyers and sellers', async () => {
    const staffPaths = Object.entries(signedInPolicy).filter(([, v]) => v === 'staff').map(([k]) => k);
    expect(probes.every(({ path }) => staffPaths.includes(path))).toBe(true);
    const wrong: string[] = [];
    for (const who of ['buyer', 'seller'] as const) {
      for (const { path, run } of probes) {
        const res = await run(as[who]);
        if (!['FORBIDDEN', 'NOT_FOUND'].includes(res.error?.data.code ?? '')) wrong.push(`${who} ${path}: ${res.status} ${res.error?.data.code ?? 'ok'} ${res.error?.message ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("another user's object", () => {
  it('is out of reach of other buyers and sellers, with no change made', async () => {
    const target = { id: order.id, version: order.version };
    const probes: Probe[] = [
      asked('orders.get', { id: order.id }),
      told('orders.cancel', { ...target, reason: 'not mine to cancel' }),
      told('orders.ship', { ...target, carrier: 'dhl', trackingNumber: '00340434161234567890' }),
      told('orders.markDelivered', target),
      told('orders.confirmReceipt', target),
      asked('reviews.forOrder', { orderId: order.id }),
      told('chat.threadForOrder', { orderId: order.id }),
      told('pii.reveal', { kind: 'order_address', id: order.id }),
    ];
    const wrong: string[] = [];
    for (const who of ['otherBuyer', 'otherSeller'] as const) {
      for (const { path, type, run } of probes) {
        const res = await run(as[who]);
        // A query answering null reveals nothing (reviews.forOrder answers the same with no review).
        const hidden = ['FORBIDDEN', 'NOT_FOUND'].includes(res.error?.data.code ?? '') || (type === 'query' && !res.error && res.data === null);
        if (!hidden) wrong.push(`${who} ${path}: ${res.status} ${res.error?.data.code ?? 'ok'} ${res.error?.message ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
    const after = await client(api).orders.get.query({ id: order.id }, { cookie: as.buyer.cookie });
    expect(after.data).toMatchObject({ state: 'paid', version: order.version });
  });

  it("keeps another seller's listing and another buyer's address book out of reach, unchanged", async () => {
    const sql = (q: string, p: unknown[]) => api.app.db.orm.em.fork().getConnection().execute(q, p) as Promise<Record<string, unknown>[]>;
    const [before] = await sql('select version, title, state from listings where id = ?', [listingId]);
    const version = Number(before!.version);
    const added = await client(api).addresses.add.mutate({ address: { ...address, name: 'Matrix Buyer' }, makeDefault: true }, { cookie: as.buyer.cookie });
    const addressId = added.data?.id ?? ((await sql('select id from addresses where user_id = ? limit 1', [as.buyer.id]))[0]!.id as string);
    const probes: [Who | 'otherBuyer' | 'otherSeller', Probe][] = [
      ['otherSeller', told('listings.update', { id: listingId, version, title: 'Taken over' })],
      ['otherSeller', told('listings.command', { id: listingId, version, command: 'pause' })],
      ['otherBuyer', told('addresses.remove', { id: addressId })],
      ['otherBuyer', told('addresses.makeDefault', { id: addressId })],
      ['agent', told('listings.update', { id: listingId, version, title: 'Agents review, not edit' })],
    ];
    const wrong: string[] = [];
    for (const [who, { path, run }] of probes) {
      const res = await run(as[who]);
      if (!['FORBIDDEN', 'NOT_FOUND'].includes(res.error?.data.code ?? '')) wrong.push(`${who} ${path}: ${res.status} ${res.error?.data.code ?? 'ok'} ${res.error?.message ?? ''}`);
    }
    expect(wrong).toEqual([]);
    expect(await sql('select version, title, state from listings where id = ?', [listingId])).toEqual([before]);
    expect(await sql('select count(*)::int as n from addresses where id = ?', [addressId])).toEqual([{ n: 1 }]);
  });

  it('shows the shipping address to the parties, masked to admins, and not at all to unassigned agents', async () => {
    const buyerView = (await client(api).orders.get.query({ id: order.id }, { cookie: as.buyer.cookie })).data!;
    const sellerView = (await client(api).orders.get.query({ id: order.id }, { cookie: as.seller.cookie })).data!;
    const adminView = (await client(api).orders.get.query({ id: order.id }, { cookie: as.admin.cookie })).data!;
    const agentView = (await client(api).orders.get.query({ id: order.id }, { cookie: as.agent.cookie })).data!;
    expect(buyerView.address?.line1).toBe(address.line1);
    expect(sellerView.address?.line1).toBe(address.line1);
    expect(adminView).toMatchObject({ address: { line1: '***' }, addressMasked: true });
    expect(agentView.address).toBeNull();
    const revealed = await client(api).pii.reveal.mutate({ kind: 'order_address', id: order.id }, { cookie: as.admin.cookie });
    expect(revealed.data).toMatchObject({ value: { line1: address.line1 } });
  });
});

/**
 * The class behind "any seller can use the fraud controls": a permission some built-in role holds
 * only for its own objects (`own` scope) must never reach another person's object. Every procedure
 * gated on such a permission is listed here — a new one fails the first test until it is — either
 * as `self` (it takes no object: it acts on the caller's own records, and a query's answer must not
 * mention anyone else's objects) or with a probe: the holder tries it on another person's object,
 * is refused (FORBIDDEN / NOT_FOUND, or a query answers nothing), and the object is unchanged.
 */
describe('holders of a permission at own scope', () => {
  type Ids = Record<'order' | 'listing' | 'submissionQuoted' | 'submissionInfo' | 'kyc' | 'payout' | 'dispute' | 'thread', string>;
  type OwnProbe<P extends ProcedurePath> = { self: string } | { as: 'otherBuyer' | 'otherSeller' | 'buyer'; input: (ids: Ids) => InputOf<P>; table: keyof typeof tables; id: (ids: Ids) => string };
  const tables = {
    orders: 'select * from orders where id = ?',
    listings: 'select * from listings where id = ?',
    submissions: 'select * from submissions where id = ?',
    kyc_checks: 'select * from kyc_checks where id = ?',
    payouts: 'select * from payouts where id = ?',
    disputes: "select d.*, (select count(*)::int from dispute_evidence e where e.dispute_id = d.id) as evidence from disputes d where d.id = ?",
    orderDisputes: 'select count(*)::int as disputes from disputes where order_id = ?',
    chat_threads: 'select t.*, (select count(*)::int from chat_messages m where m.thread_id = t.id) as messages from chat_threads t where t.id = ?',
  } as const;
  const version = 1;
  const ownScoped: { [P in ProcedurePath]?: OwnProbe<P> } = {
    'ledger.myBalances': { self: "the caller's balances" },
    'ledger.myStatement': { self: "the caller's statement" },
    'listings.mine': { self: "the caller's listings" },
    'listings.create': { self: 'creates a listing of the caller' },
    'listings.update': { as: 'otherSeller', input: (ids) => ({ id: ids.listing, version: listingVersion, title: 'Taken over' }), table: 'listings', id: (ids) => ids.listing },
    'listings.command': { as: 'otherSeller', input: (ids) => ({ id: ids.listing, version: listingVersion, command: 'pause' }), table: 'listings', id: (ids) => ids.listing },
    'orders.selling': { self: "the caller's sales" },
    'orders.ship': { as: 'otherSeller', input: (ids) => ({ id: ids.order, version: order.version, carrier: 'dhl', trackingNumber: '00340434161234567890' }), table: 'orders', id: (ids) => ids.order },
    'payouts.request': { self: "a payout from the caller's balance" },
    'payouts.mine': { self: "the caller's payouts" },
    'payouts.cancel': { as: 'otherSeller', input: (ids) => ({ id: ids.payout, version }), table: 'payouts', id: (ids) => ids.payout },
    'submissions.create': { self: 'a submission of the caller' },
    'submissions.mine': { self: "the caller's submissions" },
    'submissions.get': { as: 'otherSeller', input: (ids) => ({ id: ids.submissionQuoted }), table: 'submissions', id: (ids) => ids.submissionQuoted },
    'submissions.respond': { as: 'otherSeller', input: (ids) => ({ submissionId: ids.submissionQuoted, version, response: 'accept' }), table: 'submissions', id: (ids) => ids.submissionQuoted },
    'submissions.provideInfo': { as: 'otherSeller', input: (ids) => ({ submissionId: ids.submissionInfo, message: 'Here you go' }), table: 'submissions', id: (ids) => ids.submissionInfo },
    'kyc.mine': { self: "the caller's verification" },
    'kyc.submit': { self: "the caller's verification" },
    'kyc.provideInfo': { as: 'otherSeller', input: (ids) => ({ kycId: ids.kyc, version, response: 'My answer' }), table: 'kyc_checks', id: (ids) => ids.kyc },
    'disputes.open': { as: 'otherBuyer', input: (ids) => ({ orderId: ids.order, version: order.version, reason: 'not_as_described', description: 'Not my order, but I complain anyway' }), table: 'orderDisputes', id: (ids) => ids.order },
    'disputes.mine': { self: "the caller's disputes" },
    'disputes.forOrder': { as: 'otherBuyer', input: (ids) => ({ orderId: ids.order }), table: 'disputes', id: (ids) => ids.dispute },
    'disputes.get': { as: 'otherBuyer', input: (ids) => ({ id: ids.dispute }), table: 'disputes', id: (ids) => ids.dispute },
    'disputes.evidence': { as: 'otherBuyer', input: (ids) => ({ disputeId: ids.dispute, body: 'Planted evidence' }), table: 'disputes', id: (ids) => ids.dispute },
    'chat.startPresale': { self: "opens the caller's own thread about a public listing" },
    'chat.send': { as: 'buyer', input: (ids) => ({ threadId: ids.thread, clientId: randomUUID(), body: 'Reading along' }), table: 'chat_threads', id: (ids) => ids.thread },
    'pii.reveal': { as: 'otherBuyer', input: (ids) => ({ kind: 'order_address', id: ids.order }), table: 'orders', id: (ids) => ids.order },
  };
  const sql = (q: string, p: unknown[]) => api.app.db.orm.em.fork().getConnection().execute(q, p) as Promise<Record<string, unknown>[]>;
  let ids: Ids;
  let listingVersion: number;

  beforeAll(async () => {
    const now = new Date();
    const later = new Date(Date.now() + 86_400_000);
    ids = { order: order.id, listing: listingId, submissionQuoted: randomUUID(), submissionInfo: randomUUID(), kyc: randomUUID(), payout: randomUUID(), dispute: randomUUID(), thread: '' };
    await sql(`insert into submissions (id, seller_id, state, quote_minor, quote_expires_at, created_at, updated_at) values (?, ?, 'quoted', 2000, ?, ?, ?)`, [ids.submissionQuoted, as.seller.id, later, now, now]);
    await sql(`insert into submissions (id, seller_id, state, info_request, created_at, updated_at) values (?, ?, 'needs_info', 'Which pressing', ?, ?)`, [ids.submissionInfo, as.seller.id, now, now]);
    await sql(`insert into kyc_checks (id, seller_id, state, business_type, legal_name, country, address_line1, city, postal_code, info_request, created_at, updated_at) values (?, ?, 'needs_info', 'individual', 'Matrix Seller', 'DE', 'Hauptstraße 1', 'Berlin', '10115', 'Send a clearer photo', ?, ?)`, [ids.kyc, as.seller.id, now, now]);
    await sql(`insert into payouts (id, seller_id, requested_by, amount_minor, state, created_at, updated_at) values (?, ?, ?, 2000, 'requested', ?, ?)`, [ids.payout, as.seller.id, as.seller.id, now, now]);
    await sql(`insert into disputes (id, order_id, buyer_id, seller_id, state, reason, amount_minor, state_entered_at, created_at, updated_at) values (?, ?, ?, ?, 'open', 'not_as_described', 3000, ?, ?, ?)`, [ids.dispute, order.id, as.buyer.id, as.seller.id, now, now, now]);
    listingVersion = Number((await sql('select version from listings where id = ?', [listingId]))[0]!.version);
    const thread = await client(api).chat.startPresale.mutate({ listingId }, { cookie: as.otherBuyer.cookie });
    ids.thread = thread.data!.id;
  });

  it('lists every procedure gated on such a permission', () => {
    const ownPermissions = new Set(permissions.filter((p) => builtInRoles.some((r) => roleGrants[r][p] === 'own')));
    const gated = procedures.filter(([, p]) => p._def.meta?.access === 'permission' && ownPermissions.has(p._def.meta.permission as Permission)).map(([path]) => path);
    expect(gated.filter((path) => !(path in ownScoped)), 'gated on an own-scope permission, without a probe or a self declaration').toEqual([]);
    expect(Object.keys(ownScoped).filter((path) => !gated.includes(path)), 'listed here but not gated on an own-scope permission').toEqual([]);
  });

  it("refuses each on another person's object and leaves it unchanged", async () => {
    const wrong: string[] = [];
    for (const [path, probe] of Object.entries(ownScoped)) {
      if (!probe || 'self' in probe) continue;
      const type = procedures.find(([p]) => p === path)![1]._def.type;
      const before = await sql(tables[probe.table], [probe.id(ids)]);
      expect(before, `${path}: its fixture exists`).toHaveLength(1);
      const res = await call(path, type, probe.input(ids), as[probe.as]);
      const answered = res.data as unknown;
      const hidden = ['FORBIDDEN', 'NOT_FOUND'].includes(res.error?.data.code ?? '') || (type === 'query' && !res.error && (answered === null || (Array.isArray(answered) && answered.length === 0)));
      if (!hidden) wrong.push(`${probe.as} ${path}: ${res.status} ${res.error?.data.code ?? 'ok'} ${res.error?.message ?? ''}`);
      const after = await sql(tables[probe.table], [probe.id(ids)]);
      if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${probe.as} ${path}: changed ${probe.table}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers self queries without anyone else's objects", async () => {
    const others = Object.values(ids);
    const wrong: string[] = [];
    for (const [path, probe] of Object.entries(ownScoped)) {
      const type = procedures.find(([p]) => p === path)![1]._def.type;
      if (!probe || !('self' in probe) || type !== 'query') continue;
      const res = await call(path, type, undefined, as.otherSeller);
      const body = JSON.stringify(res.data ?? null);
      const leaked = others.filter((id) => body.includes(id));
      if (res.status >= 500 || leaked.length) wrong.push(`${path}: ${res.status}, mentions ${leaked.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps the fraud controls to fraud staff', async () => {
    const riskProcedures = procedures.filter(([path]) => path.startsWith('risk.'));
    expect(riskProcedures.every(([, p]) => p._def.meta?.access === 'permission' && builtInRoles.every((r) => [undefined, 'any'].includes(roleGrants[r][p._def.meta!.permission as Permission])))).toBe(true);
    const wrong: string[] = [];
    const flagBefore = await sql('select count(*)::int as n from user_flags where user_id = ?', [as.buyer.id]);
    const probes: Probe[] = [
      asked('risk.rules', undefined),
      asked('risk.review', { orderId: order.id }),
      asked('risk.flags', { userId: as.buyer.id }),
      told('risk.flag', { userId: as.buyer.id, note: 'A seller flags a buyer' }),
      told('risk.unflag', { flagId: randomUUID() }),
    ];
    for (const { path, run } of probes) {
      for (const who of ['seller', 'otherSeller', 'buyer'] as const) {
        const res = await run(as[who]);
        if (res.error?.data.code !== 'FORBIDDEN') wrong.push(`${who} ${path}: ${res.status} ${res.error?.data.code ?? 'ok'}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await sql('select count(*)::int as n from user_flags where user_id = ?', [as.buyer.id])).toEqual(flagBefore);
    expect((await client(api).risk.review.query({ orderId: order.id }, { cookie: as.agent.cookie })).error).toBeUndefined();
  });
});

describe('live rooms', () => {
  it('admit exactly whom the policy admits, for every kind of room', async () => {
    const rooms = (who: Person) => [
      `user:${who.id}`, `user:${as.otherBuyer.id}`,
      ...queueNames.map((q) => `queue:${q}`),
      'team:all', 'support:inbox', `order:${order.id}`, `seller:${as.seller.id}`, `seller:${as.otherSeller.id}`,
      `listing:${order.id}`, `thread:00000000-0000-4000-8000-000000000000`,
    ];
    const kinds = new Set(rooms(as.buyer).map((r) => r.slice(0, r.indexOf(':'))));
    // presence rooms are joined through presence:enter (checked by the same canJoinRoom).
    expect(roomKinds.filter((k) => k !== 'presence' && !kinds.has(k)), 'a room kind without a probe').toEqual([]);
    const wrong: string[] = [];
    for (const who of Object.keys(people) as Who[]) {
      const person = as[who];
      const socket = openSocket(api, person.cookie);
      await waitFor(socket, 'connect');
      for (const room of rooms(person)) {
        const participantIds = room.startsWith('order:') ? [as.buyer.id, as.seller.id] : [];
        const sellerOwnerId = room.startsWith('seller:') ? room.slice('seller:'.length) : undefined;
        const expected = canJoinRoom({ id: person.id, roles: people[who], grants: defaultGrantTable }, room, { participantIds, ...(sellerOwnerId ? { sellerOwnerId } : {}) }).ok;
        const ack = (await socket.timeout(5000).emitWithAck('subscribe', room)) as { ok: boolean };
        if (ack.ok !== expected) wrong.push(`${who} ${room}: joined=${ack.ok}, policy=${expected}`);
      }
      socket.close();
    }
    expect(wrong).toEqual([]);
    // Spot checks that the policy itself says what we mean: no one follows someone else's user room.
    expect(canJoinRoom({ id: 'a', roles: ['admin'] }, 'user:b').ok).toBe(false);
  });

  it('refuses anonymous sockets everything but public listing rooms', async () => {
    const socket = openSocket(api, '');
    await waitFor(socket, 'connect');
    const results: Record<string, boolean> = {};
    for (const room of [`listing:${order.id}`, `user:${as.buyer.id}`, 'queue:kyc', 'team:all', 'support:inbox', `order:${order.id}`, `seller:${as.seller.id}`]) {
      results[room] = ((await socket.timeout(5000).emitWithAck('subscribe', room)) as { ok: boolean }).ok;
    }
    socket.close();
    expect(Object.entries(results).filter(([, ok]) => ok).map(([r]) => r)).toEqual([`listing:${order.id}`]);
  });
});
