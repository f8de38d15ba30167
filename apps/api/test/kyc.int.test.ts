// Seller identity verification (KYC) on the shared queue engine, against real PostgreSQL, Redis and
// sockets: private document uploads, submit → queue row live → claim → request info → answer →
// approve; the gate on publishing and payouts; stale decisions refused; reject reasons checked;
// the information deadline rejects a silent seller once; documents readable only by the seller
// and reviewers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueItemSnapshot } from '@marketdesk/domain';
import { lapseKyc } from '../src/services/kyc/decide-kyc.js';
import { createCategory } from './catalog-fixtures.js';
import { client, allowedOrigin, nextEvent, openSocket, registerUser, startApi, waitFor, type InputOf, type RunningApi } from './harness.js';
import { decidedOn } from './queue-decisions.js';

type Person = Awaited<ReturnType<typeof registerUser>>;

let api: RunningApi;
let dana: Person;
let agent: Person;
let categoryId: string;

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function upload(who: Person, bytes = pdf, name = 'passport.pdf'): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  return fetch(`${api.baseUrl}/uploads/kyc-documents`, { method: 'POST', headers: { cookie: who.cookie, origin: allowedOrigin }, body: form });
}

async function uploadId(who: Person): Promise<string> {
  const res = await upload(who);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const details = { businessType: 'individual', legalName: 'Kim Example', country: 'de', addressLine1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', dateOfBirth: '1990-02-03' } satisfies Omit<InputOf<'kyc.submit'>, 'documents'>;

async function submit(seller: Person) {
  const res = await client(api).kyc.submit.mutate({ ...details, documents: [{ kind: 'identity', uploadId: await uploadId(seller) }] }, { cookie: seller.cookie });
  if (!res.data) throw new Error(`kyc.submit failed: ${JSON.stringify(res.error)}`);
  return res.data;
}

const sellerOf = async (checkId: string) => ((await api.app.db.orm.em.fork().getConnection().execute('select seller_id from kyc_checks where id = ?', [checkId])) as { seller_id: string }[])[0]!.seller_id;

async function rowOf(checkId: string): Promise<QueueItemSnapshot> {
  const page = await client(api).queues.list.query({ queue: 'kyc', filter: { sellerId: (await sellerOf(checkId)), states: ['submitted', 'in_review', 'needs_info', 'approved', 'rejected'] }, limit: 100 }, { cookie: dana.cookie });
  const row = page.data?.items.find((i) => i.subjectId === checkId);
  if (!row) throw new Error(`no kyc row for ${checkId}: ${JSON.stringify(page.error)}`);
  return row;
}

const newSeller = () => registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Kim Seller', verified: false });

beforeAll(async () => {
  api = await startApi();
  [dana, agent] = await Promise.all([registerUser(api, { roles: ['admin', 'agent'], displayName: 'Dana Lead' }), registerUser(api, { roles: ['agent'], displayName: 'Alex Agent' })]);
  categoryId = (await createCategory(api)).id;
});
afterAll(async () => {
  await api.close();
});

describe('verification flow', () => {
  it('takes a seller from unverified to verified through the kyc queue, live, and lifts the gates', async () => {
    const seller = await newSeller();
    expect((await client(api).kyc.mine.query(undefined, { cookie: seller.cookie })).data).toMatchObject({ state: 'not_started', canSell: false });

    // Gates: no publishing, no payouts before approval.
    const listing = { categoryId, title: 'Gate test LP', description: 'A record to test the KYC gate.', attributes: { artist: 'Gate' }, condition: 'VG+', priceMinor: 1500, quantity: 1, shippingMinor: 400, deliverySlaDays: 2 } satisfies InputOf<'listings.create'>;
    const blocked = await client(api).listings.create.mutate(listing, { cookie: seller.cookie });
    expect(blocked.error?.data.code).toBe('FORBIDDEN');
    expect(blocked.error?.message).toMatch(/Verify your identity before you publish listings/);
    expect(blocked.error?.data.details).toMatchObject({ reason: 'KYC_REQUIRED' });
    const draft = await client(api).listings.create.mutate({ ...listing, draft: true }, { cookie: seller.cookie });
    expect(draft.data?.state).toBe('draft');
    const payout = await client(api).payouts.request.mutate({ amountMinor: 5000 }, { cookie: seller.cookie });
    expect(payout.error?.data.code).toBe('FORBIDDEN');

    const staffSocket = openSocket(api, dana.cookie);
    await waitFor(staffSocket, 'connect');
    expect(await new Promise<{ ok: boolean }>((r) => staffSocket.emit('subscribe', 'queue:kyc', r))).toMatchObject({ ok: true });
    const sellerSocket = openSocket(api, seller.cookie);
    await waitFor(sellerSocket, 'connect');
    expect(await new Promise<{ ok: boolean }>((r) => sellerSocket.emit('subscribe', `seller:${seller.id}`, r))).toMatchObject({ ok: true });
    const added = nextEvent<{ name: string; payload: { item: QueueItemSnapshot } }>(staffSocket, 'event', (e) => e.name === 'queue.item.added' && e.payload.item.sellerId === seller.id);
    const check = await submit(seller);
    expect(check).toMatchObject({ state: 'submitted', documents: [{ kind: 'identity' }] });
    expect((await added).payload.item).toMatchObject({ queue: 'kyc', state: 'submitted', title: 'Kim Seller (individual, DE)', waitingOn: 'staff' });
    expect((await client(api).kyc.submit.mutate({ ...details, documents: [{ kind: 'identity', uploadId: await uploadId(seller) }] }, { cookie: seller.cookie })).error?.data.code).toBe('CONFLICT');

    // The agent claims; a decision by the lead on the now-stale version is refused.
    let row = await rowOf(check.id);
    const claimed = await client(api).queues.claim.mutate({ id: row.id }, { cookie: agent.cookie });
    expect(claimed.data?.claimedByName).toBe('Alex Agent');
    const stale = await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'accept' }, { cookie: dana.cookie });
    expect(stale.error?.data.code).toBe('CONFLICT');
    expect(stale.error?.message).toMatch(/Alex Agent claimed this/);
    const held = await client(api).queues.decide.mutate({ id: row.id, version: claimed.data!.version, decision: 'accept' }, { cookie: dana.cookie });
    expect(held.error?.data.code).toBe('CONFLICT');
    expect(held.error?.message).toMatch(/Alex Agent has it/);

    // Ask for more; the seller hears it live and answers with another document.
    const asked = nextEvent<{ name: string; payload: { message: string } }>(sellerSocket, 'event', (e) => e.name === 'kyc.info_requested');
    const info = await client(api).queues.decide.mutate({ id: row.id, version: claimed.data!.version, decision: 'request_info', message: 'Please add a proof of address.' }, { cookie: agent.cookie });
    expect(info.data?.item).toMatchObject({ state: 'needs_info', waitingOn: 'seller', claimedBy: null });
    expect((await asked).payload.message).toBe('Please add a proof of address.');
    const mine = (await client(api).kyc.mine.query(undefined, { cookie: seller.cookie })).data!;
    expect(mine.state).toBe('needs_info');
    expect(mine.check?.infoRequest).toBe('Please add a proof of address.');
    expect(mine.check?.infoDueAt).not.toBeNull();
    const answered = await client(api).kyc.provideInfo.mutate({ kycId: check.id, version: mine.check!.version, response: 'Attached a utility bill.', documents: [{ kind: 'proof_of_address', uploadId: await uploadId(seller) }] }, { cookie: seller.cookie });
    expect(answered.data).toMatchObject({ state: 'submitted' });
    expect(answered.data?.documents.map((d) => d.kind)).toEqual(['identity', 'proof_of_address']);

    // Approve: the seller hears it and may now publish and withdraw.
    row = await rowOf(check.id);
    expect(row).toMatchObject({ state: 'submitted', waitingOn: 'staff', lastAction: { action: 'resubmitted' } });
    const approvedLive = nextEvent(sellerSocket, 'event', (e: { name: string }) => e.name === 'kyc.approved');
    const approved = await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'accept' }, { cookie: dana.cookie });
    expect(approved.data?.item).toMatchObject({ state: 'approved', decidedBy: dana.id });
    await approvedLive;
    expect((await client(api).kyc.mine.query(undefined, { cookie: seller.cookie })).data).toMatchObject({ state: 'approved', canSell: true });
    const published = await client(api).listings.create.mutate(listing, { cookie: seller.cookie });
    expect(published.data?.state).toBe('pending_review');
    staffSocket.close();
    sellerSocket.close();
  });

  it('rejects with a reason from the list only, and lets the seller start again', async () => {
    const seller = await newSeller();
    const check = await submit(seller);
    const row = await rowOf(check.id);
    const bad = await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'reject', reason: 'because' }, { cookie: dana.cookie });
    expect(bad.error?.data.code).toBe('BAD_REQUEST');
    const noNote = await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'reject', reason: 'other' }, { cookie: dana.cookie });
    expect(noNote.error?.message).toMatch(/Say why in the note/);
    // A counter-offer is the submissions queue's own: refused here, saying why.
    const counter = await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'counter', items: [{ itemId: check.id, offerMinor: 100 }] }, { cookie: dana.cookie });
    expect(counter.error).toMatchObject({ data: { code: 'BAD_REQUEST' }, message: expect.stringMatching(/^Only submissions take a counter-offer/) as unknown });
    // The reviewer's page reads the check with its queue row: the decision names that row.
    const forReview = (await client(api).kyc.get.query({ id: check.id }, { cookie: dana.cookie })).data!;
    expect(forReview.queueItem).toMatchObject({ id: row.id, version: row.version, state: 'submitted' });
    const rejected = await client(api).queues.decide.mutate({ id: forReview.queueItem!.id, version: forReview.queueItem!.version, decision: 'reject', reason: 'expired', note: 'Passport expired in 2019.' }, { cookie: dana.cookie });
    expect(decidedOn('kyc', rejected.data)).toMatchObject({ check: { state: 'rejected', rejection: { text: 'The identity document has expired: Passport expired in 2019.' } } });
    expect((await client(api).kyc.mine.query(undefined, { cookie: seller.cookie })).data?.state).toBe('rejected');
    const again = await submit(seller);
    expect(again.id).not.toBe(check.id);
    expect(again.state).toBe('submitted');
  });

  it('rejects a seller who never answers once the information deadline passes, exactly once', async () => {
    const seller = await newSeller();
    const check = await submit(seller);
    const row = await rowOf(check.id);
    await client(api).queues.decide.mutate({ id: row.id, version: row.version, decision: 'request_info', message: 'Send a clearer scan.' }, { cookie: dana.cookie });
    const dueAt = (await client(api).kyc.mine.query(undefined, { cookie: seller.cookie })).data!.check!.infoDueAt!;
    const em = () => api.app.db.orm.em.fork();
    expect(await lapseKyc(em(), { kycId: check.id, dueAt: dueAt.toISOString() }, new Date(Date.now()))).toBe('ignored');
    const late = new Date(dueAt.getTime() + 1000);
    const [a, b] = await Promise.all([lapseKyc(em(), { kycId: check.id, dueAt: dueAt.toISOString() }, late), lapseKyc(em(), { kycId: check.id, dueAt: dueAt.toISOString() }, late)]);
    expect([a, b].sort()).toEqual(['ignored', 'lapsed']);
    expect(await rowOf(check.id)).toMatchObject({ state: 'rejected', lastAction: { action: 'lapsed' } });
  });
});

describe('documents', () => {
  it('accepts PDFs and images by their bytes, refuses anything else, and keeps files private', async () => {
    const seller = await newSeller();
    const fake = await upload(seller, Buffer.from('MZ not really a pdf'), 'passport.pdf');
    expect(fake.status).toBe(415);
    const buyer = await registerUser(api);
    expect((await upload(buyer)).status).toBe(403);
    const check = await submit(seller);
    const url = `${api.baseUrl}${check.documents[0]!.url}`;
    const own = await fetch(url, { headers: { cookie: seller.cookie } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('cache-control')).toContain('private');
    // An agent sees a seller's identity documents only while holding the check (users.view_pii: assigned).
    expect((await fetch(url, { headers: { cookie: agent.cookie } })).status).toBe(404);
    const row = await rowOf(check.id);
    expect((await client(api).queues.claim.mutate({ id: row.id }, { cookie: agent.cookie })).error).toBeUndefined();
    expect((await fetch(url, { headers: { cookie: agent.cookie } })).status).toBe(200);
    // The agent's view is a reveal of personal data, in the audit log; the seller's own views are not.
    const reveals = await api.app.db.orm.em.fork().getConnection().execute(`select actor_id from audit_log where action = 'pii.revealed' and object_type = 'kyc_document' and object_id = ?`, [check.documents[0]!.id]);
    expect(reveals).toEqual([{ actor_id: agent.id }]);
    const other = await newSeller();
    expect((await fetch(url, { headers: { cookie: other.cookie } })).status).toBe(404);
    expect((await fetch(url)).status).toBe(401);
    // Someone else's upload cannot be attached to a check.
    const stolen = await client(api).kyc.submit.mutate({ ...details, documents: [{ kind: 'identity', uploadId: await uploadId(seller) }] }, { cookie: other.cookie });
    expect(stolen.error?.data.code).toBe('BAD_REQUEST');
    expect(stolen.error?.data.details).toMatchObject({ field: 'documents' });
  });

  it('refuses bad details with the field that is wrong', async () => {
    const seller = await newSeller();
    const res = await client(api).kyc.submit.mutate({ ...details, businessType: 'company', dateOfBirth: '2015-01-01', documents: [] }, { cookie: seller.cookie });
    expect(res.error?.data.code).toBe('BAD_REQUEST');
    const paths = (res.error?.data.zodIssues as { path: string[] }[]).map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['documents', 'registrationNumber', 'dateOfBirth']));
  });
});
