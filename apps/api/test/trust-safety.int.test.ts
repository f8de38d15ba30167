// Trust and safety against real PostgreSQL and Redis: the audit log is append-only (the trigger
// refuses UPDATE, DELETE, TRUNCATE) and records staff calls, money movements and people's events
// with request id and IP; admins search it (keyset pages) and export it as CSV; roles are data that
// admins edit, seen by a second API process; personal data is masked unless the viewer may see it,
// and a reveal is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credit, debit } from '@marketdesk/domain';
import { postTransfers } from '../src/services/ledger/post-transfers.js';
import { runWithAuditContext } from '../src/services/audit/audit-context.js';
import { client, allowedOrigin, approveKycDirectly, openSocket, registerUser, startApi, until, waitFor, type RunningApi } from './harness.js';

type Person = Awaited<ReturnType<typeof registerUser>>;

let api: RunningApi;
let second: RunningApi;
let admin: Person;
let agent: Person;
let buyer: Person;
let seller: Person;

const sql = (q: string, params: unknown[] = []) => api.app.db.orm.em.fork().getConnection().execute(q, params);

beforeAll(async () => {
  api = await startApi();
  second = await startApi({}, { startRelay: false });
  admin = await registerUser(api, { roles: ['admin', 'buyer'], displayName: 'Ada Admin' });
  agent = await registerUser(api, { roles: ['agent'], displayName: 'Agnes Agent' });
  buyer = await registerUser(api, { displayName: 'Bea Buyer' });
  seller = await registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Sol Seller' });
});

afterAll(async () => {
  await second?.close();
  await api?.close();
});

describe('audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    await sql(`insert into audit_log (at, actor_roles, action, outcome) values (now(), '{}', 'test.row', 'ok')`);
    await expect(sql(`update audit_log set action = 'rewritten' where action = 'test.row'`)).rejects.toThrow(/append-only/);
    await expect(sql(`delete from audit_log where action = 'test.row'`)).rejects.toThrow(/append-only/);
    await expect(sql('truncate audit_log')).rejects.toThrow(/append-only/);
    expect(await sql(`select count(*)::int as n from audit_log where action = 'test.row'`)).toEqual([{ n: 1 }]);
  });

  it('has no procedure that changes or deletes a row', async () => {
    const { appRouter } = await import('../src/routers/_app.js');
    const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string } }> } })._def.procedures;
    const audit = Object.entries(procedures).filter(([p]) => p.startsWith('audit.'));
    // Reads only: the log itself, and the people picker for its actor filter.
    expect(audit.map(([p]) => p).sort()).toEqual(['audit.people', 'audit.search']);
    expect(audit.filter(([, p]) => p._def.type !== 'query').map(([name]) => name)).toEqual([]);
  });

  it('records a staff mutation with procedure, object, outcome, request id and IP — refusals too', async () => {
    const ok = await client(api).roles.create.mutate({ name: 'auditors', description: 'Read the audit log', grants: { 'audit.view': 'any', 'console.access': 'any' } }, { cookie: admin.cookie, ip: '203.0.113.7' });
    expect(ok.error).toBeUndefined();
    const refused = await client(api).roles.create.mutate({ name: 'sneaky', grants: {} }, { cookie: agent.cookie, ip: '203.0.113.8' });
    expect(refused.error?.data.code).toBe('FORBIDDEN');
    const rows = (await client(api).audit.search.query({ action: 'trpc.roles.create', limit: 10 }, { cookie: admin.cookie })).data!.rows;
    const mine = rows.find((r) => r.actorId === admin.id)!;
    expect(mine).toMatchObject({ outcome: 'ok', objectType: 'roles', ip: '203.0.113.7' });
    expect(mine.requestId).toBeTruthy();
    expect(mine.actorRoles).toContain('admin');
    expect(rows.find((r) => r.actorId === agent.id)).toMatchObject({ outcome: 'FORBIDDEN', ip: '203.0.113.8' });
    // The change itself is audited with its after-image, in the writer's transaction.
    const created = (await client(api).audit.search.query({ action: 'role.created', objectId: 'auditors' }, { cookie: admin.cookie })).data!.rows;
    expect(created[0]?.after).toMatchObject({ name: 'auditors', grants: { 'audit.view': 'any' } });
  });

  it('records every ledger transfer in the transaction that posts it, naming the person behind it', async () => {
    const id = `audit-test-${Date.now()}`;
    const em = api.app.db.orm.em.fork();
    await runWithAuditContext({ actor: { id: admin.id, roles: ['admin'] }, requestId: 'req-ledger', ip: '198.51.100.1', userAgent: 'vitest' }, () =>
      em.transactional((tx) => postTransfers(tx, [{ kind: 'posted', id, code: 'adjustment', postings: [debit('platform:stripe_clearing', 500, 'EUR'), credit(`seller:${seller.id}:available` as never, 500, 'EUR')] }], new Date())),
    );
    const rows = await sql('select action, actor_id, request_id, ip, after from audit_log where object_id = ?', [id]);
    expect(rows).toEqual([expect.objectContaining({ action: 'ledger.posted', actor_id: admin.id, request_id: 'req-ledger', ip: '198.51.100.1' })]);
    // A rolled-back posting leaves no audit row either.
    const failed = `audit-test-fail-${Date.now()}`;
    await expect(
      em.fork().transactional(async (tx) => {
        await postTransfers(tx, [{ kind: 'posted', id: failed, code: 'adjustment', postings: [debit('platform:stripe_clearing', 100, 'EUR'), credit(`seller:${seller.id}:available` as never, 100, 'EUR')] }], new Date());
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await sql('select 1 from audit_log where object_id = ?', [failed])).toEqual([]);
  });

  it('is for admins: searched by actor, action, object and dates, paged by keyset, exported as streamed CSV', async () => {
    expect((await client(api).audit.search.query({}, { cookie: agent.cookie })).error?.data.code).toBe('FORBIDDEN');
    expect((await client(api).audit.search.query({}, {})).error?.data.code).toBe('UNAUTHORIZED');
    for (let i = 0; i < 3; i += 1) await client(api).roles.update.mutate({ name: 'auditors', version: i + 1, description: `v${i + 2}` }, { cookie: admin.cookie });
    const first = (await client(api).audit.search.query({ actorId: admin.id, action: 'role.*', limit: 2 }, { cookie: admin.cookie })).data!;
    expect(first.rows).toHaveLength(2);
    const next = (await client(api).audit.search.query({ actorId: admin.id, action: 'role.*', limit: 2, cursor: first.nextCursor! }, { cookie: admin.cookie })).data!;
    expect(next.rows.length).toBeGreaterThan(0);
    expect(new Set([...first.rows, ...next.rows].map((r) => r.id)).size).toBe(first.rows.length + next.rows.length);
    const future = (await client(api).audit.search.query({ from: new Date(Date.now() + 86_400_000) }, { cookie: admin.cookie })).data!;
    expect(future.rows).toEqual([]);

    const csv = await fetch(`${api.baseUrl}/files/audit.csv?actorId=${admin.id}&action=role.*`, { headers: { cookie: admin.cookie, origin: allowedOrigin } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('id,at,actor_id,actor_roles,action,object_type,object_id,outcome,before,after,request_id,ip,user_agent');
    expect(text).toContain('role.updated');
    const denied = await fetch(`${api.baseUrl}/files/audit.csv`, { headers: { cookie: agent.cookie, origin: allowedOrigin } });
    expect(denied.status).toBe(403);
  });
});

describe('roles as data', () => {
  it('grants what an admin edits, to every API process, and takes it away again', async () => {
    const list = (await client(api).roles.list.query(undefined, { cookie: admin.cookie })).data!;
    expect(list.roles.filter((r) => r.builtIn).map((r) => r.name).sort()).toEqual(['admin', 'agent', 'buyer', 'seller']);
    expect((await client(second).audit.search.query({}, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
    expect((await client(api).roles.assign.mutate({ userId: buyer.id, roles: ['buyer', 'auditors'] }, { cookie: admin.cookie })).error).toBeUndefined();
    // The second process learns of the edit through the shared version counter.
    const seen = await until(() => client(second).audit.search.query({}, { cookie: buyer.cookie }), (r) => !r.error, 5000);
    expect(seen.error).toBeUndefined();
    const auditors = (await client(api).roles.list.query(undefined, { cookie: admin.cookie })).data!.roles.find((r) => r.name === 'auditors')!;
    expect((await client(api).roles.update.mutate({ name: 'auditors', version: auditors.version, grants: { 'console.access': 'any' } }, { cookie: admin.cookie })).error).toBeUndefined();
    const lost = await until(() => client(second).audit.search.query({}, { cookie: buyer.cookie }), (r) => r.error?.data.code === 'FORBIDDEN', 5000);
    expect(lost.error?.data.code).toBe('FORBIDDEN');
  });

  it('renames a custom role for everyone holding it; built-in roles keep their names', async () => {
    const auditors = (await client(api).roles.list.query(undefined, { cookie: admin.cookie })).data!.roles.find((r) => r.name === 'auditors')!;
    expect((await client(api).roles.update.mutate({ name: 'auditors', version: auditors.version, newName: 'reviewers' }, { cookie: admin.cookie })).error).toBeUndefined();
    expect(await sql('select roles from users where id = ?', [buyer.id])).toEqual([{ roles: ['buyer', 'reviewers'] }]);
    const adminRole = (await client(api).roles.list.query(undefined, { cookie: admin.cookie })).data!.roles.find((r) => r.name === 'admin')!;
    const renamed = await client(api).roles.update.mutate({ name: 'admin', version: adminRole.version, newName: 'boss' }, { cookie: admin.cookie });
    expect(renamed.error?.data.code).toBe('BAD_REQUEST');
  });

  it('refuses edits that would lock admins out of the console', async () => {
    const adminRole = (await client(api).roles.list.query(undefined, { cookie: admin.cookie })).data!.roles.find((r) => r.name === 'admin')!;
    const res = await client(api).roles.update.mutate({ name: 'admin', version: adminRole.version, grants: { 'console.access': 'any' } }, { cookie: admin.cookie });
    expect(res.error?.data.code).toBe('BAD_REQUEST');
    expect(res.error?.message).toMatch(/admin role must keep/);
    // Still an admin afterwards.
    expect((await client(api).roles.list.query(undefined, { cookie: admin.cookie })).error).toBeUndefined();
  });

  it('lets a role grant queue work to staff it marks as such (isStaff follows the table)', async () => {
    expect((await client(api).roles.create.mutate({ name: 'leads', staff: true, grants: { 'console.access': 'any', 'disputes.view': 'any', 'disputes.handle': 'any' } }, { cookie: admin.cookie })).error).toBeUndefined();
    const lead = await registerUser(api, { displayName: 'Lee Lead' });
    const queue = () => client(api).queues.list.query({ queue: 'disputes', limit: 5 }, { cookie: lead.cookie });
    expect((await queue()).error?.data.code).toBe('FORBIDDEN');
    await client(api).roles.assign.mutate({ userId: lead.id, roles: ['leads'] }, { cookie: admin.cookie });
    expect((await queue()).error).toBeUndefined();
    const effective = (await client(api).roles.effective.query(undefined, { cookie: lead.cookie })).data!;
    expect(effective.leads?.staff).toBe(true);
    // Leads can pick them when reassigning disputes.
    const staff = (await client(api).queues.staff.query({ queue: 'disputes' }, { cookie: admin.cookie })).data!;
    expect(staff.map((p) => p.id)).toContain(lead.id);
  });
});

describe('live rooms after a role edit', () => {
  it('takes a demoted agent out of the queue rooms at once, on whichever process holds the socket', async () => {
    const demoted = await registerUser(api, { roles: ['agent'], displayName: 'Dee Moted' });
    const socket = openSocket(second, demoted.cookie);
    await waitFor(socket, 'connect');
    expect(await socket.timeout(5000).emitWithAck('subscribe', 'queue:kyc')).toEqual({ ok: true });
    const rooms = async () => {
      const [s] = await second.app.io.in(`user:${demoted.id}`).fetchSockets();
      return s ? [...s.rooms] : [];
    };
    expect(await rooms()).toContain('queue:kyc');
    // Their open console is told to re-read its grants (menus follow at once, not after a cache expires).
    const told = new Promise<void>((resolve) => socket.once('grants:changed', () => resolve()));
    expect((await client(api).roles.assign.mutate({ userId: demoted.id, roles: ['buyer'] }, { cookie: admin.cookie })).error).toBeUndefined();
    await told;
    expect(await until(rooms, (r) => !r.includes('queue:kyc'), 5000)).not.toContain('queue:kyc');
    expect(await rooms()).toContain(`user:${demoted.id}`);
    // And cannot join it again.
    expect(await socket.timeout(5000).emitWithAck('subscribe', 'queue:kyc')).toEqual({ ok: false, error: 'FORBIDDEN' });
    socket.close();
  });
});

describe('personal data', () => {
  it('masks people’s emails in the role picker and reveals one to an admin, audited', async () => {
    const people = (await client(api).roles.people.query({ q: 'Bea Buyer' }, { cookie: admin.cookie })).data!;
    const bea = people.find((p) => p.id === buyer.id)!;
    expect(bea.email).not.toBe(buyer.email);
    expect(bea.email).toContain('***');
    const revealed = await client(api).pii.reveal.mutate({ kind: 'user_email', id: buyer.id }, { cookie: admin.cookie, ip: '192.0.2.44' });
    expect(revealed.data?.value).toBe(buyer.email);
    const rows = await sql(`select actor_id, object_id, ip from audit_log where action = 'pii.revealed' and object_id = ?`, [buyer.id]);
    expect(rows).toEqual([{ actor_id: admin.id, object_id: buyer.id, ip: '192.0.2.44' }]);
  });

  it('refuses a reveal to an agent not assigned to the person, and to buyers', async () => {
    expect((await client(api).pii.reveal.mutate({ kind: 'user_email', id: buyer.id }, { cookie: agent.cookie })).error?.data.code).toBe('NOT_FOUND');
    expect((await client(api).pii.reveal.mutate({ kind: 'user_email', id: seller.id }, { cookie: buyer.cookie })).error?.data.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('masks a KYC check for an agent who does not hold it; the admin sees it', async () => {
    const kycSeller = await registerUser(api, { roles: ['seller'], verified: false, displayName: 'Kim Seller' });
    await approveKycDirectly(api, kycSeller.id);
    const [check] = (await sql('select id from kyc_checks where seller_id = ?', [kycSeller.id])) as { id: string }[];
    const asAgent = await client(api).kyc.get.query({ id: check!.id }, { cookie: agent.cookie });
    expect(asAgent.data).toMatchObject({ piiMasked: true, legalName: 'T. S.', dateOfBirth: '***', address: { line1: '***' } });
    const asAdmin = await client(api).kyc.get.query({ id: check!.id }, { cookie: admin.cookie });
    expect(asAdmin.data).toMatchObject({ piiMasked: false, legalName: 'Test Seller' });
  });

  it('keeps personal data out of live payloads', async () => {
    const { scrubPii } = await import('../src/services/pii/live-payload.js');
    expect(scrubPii({ orderId: 'o', buyerEmail: 'a@b.c', address: { line1: 'x' }, items: [{ phone: '+1 555' }] })).toEqual({ orderId: 'o', buyerEmail: '***', address: '***', items: [{ phone: '***' }] });
  });
});
