// The shared queue engine against real PostgreSQL, Redis and sockets: atomic claims, stale
// decisions refused with who did what, claims that lapse and return to the pool live, bulk actions
// applied item by item, @mentions in notes, and filtered keyset paging.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyLiveEvent, QueueItemSnapshot } from '@marketdesk/domain';
import { client, nextEvent, openSocket, registerUser, startApi, until, waitFor, type InputOf, type OutputOf, type RunningApi } from './harness.js';

type Person = Awaited<ReturnType<typeof registerUser>>;
let api: RunningApi;
let seller: Person;
let dana: Person;
let sam: Person;

const record = (n: number): InputOf<'submissions.create'>['items'][number] => ({ artist: `Queue Artist ${n}`, title: `Pressing ${n}`, format: 'lp', grade: 'VG+', askingMinor: 2000 + n });

async function submit(by: Person, items = [record(1)]) {
  const res = await client(api).submissions.create.mutate({ items }, { cookie: by.cookie });
  if (!res.data) throw new Error(`submit failed: ${JSON.stringify(res.error)}`);
  return res.data;
}

const getItem = async (id: string, who = dana) => (await client(api).queues.get.query({ id }, { cookie: who.cookie })).data!;

beforeAll(async () => {
  api = await startApi();
  [seller, dana, sam] = await Promise.all([
    registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Sally Seller' }),
    registerUser(api, { roles: ['admin', 'agent'], displayName: 'Dana Lead' }),
    registerUser(api, { roles: ['admin'], displayName: 'Sam Second' }),
  ]);
});
afterAll(async () => {
  await api.close();
});

describe('claims', () => {
  it('lets exactly one of 20 simultaneous claims win; the others learn who has it', async () => {
    const s = await submit(seller);
    const staff = await Promise.all(Array.from({ length: 20 }, (_, i) => registerUser(api, { roles: ['agent'], displayName: `Agent ${i}` })));
    const results = await Promise.all(staff.map((p) => client(api).queues.claim.mutate({ id: s.queueItemId }, { cookie: p.cookie })));
    const winners = results.filter((r) => r.data);
    expect(winners).toHaveLength(1);
    const holder = staff[results.findIndex((r) => r.data)]!;
    const losers = results.filter((r) => r.error);
    expect(losers).toHaveLength(19);
    for (const l of losers) {
      expect(l.error?.data.code).toBe('CONFLICT');
      expect(l.error?.message).toMatch(/^Agent \d+ has it/);
      expect((l.error?.data.details?.holder as { id: string }).id).toBe(holder.id);
    }
    const item = (await getItem(s.queueItemId)).item;
    expect(item.claimedBy).toBe(holder.id);
    expect(item.version).toBe(2);
    // Not staff: no claims at all.
    expect((await client(api).queues.claim.mutate({ id: s.queueItemId }, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');
  });

  it('refuses a decision on a stale version with who did what, and changes nothing', async () => {
    const s = await submit(seller);
    const seen = (await getItem(s.queueItemId)).item;
    await client(api).queues.claim.mutate({ id: s.queueItemId }, { cookie: sam.cookie });
    const rejected = await client(api).queues.decide.mutate({ id: s.queueItemId, version: seen.version + 1, decision: 'reject', reason: 'condition', note: 'warped' }, { cookie: sam.cookie });
    expect(rejected.error).toBeUndefined();
    const stale = await client(api).queues.decide.mutate({ id: s.queueItemId, version: seen.version, decision: 'accept' }, { cookie: dana.cookie });
    expect(stale.error?.data.code).toBe('CONFLICT');
    expect(stale.error?.message).toMatch(/^Sam Second rejected this \d+ s ago\. It is now rejected/);
    const current = stale.error?.data.details?.current as QueueItemSnapshot;
    expect(current).toMatchObject({ state: 'rejected', version: seen.version + 2 });
    const after = await getItem(s.queueItemId);
    expect(after.item).toMatchObject({ state: 'rejected', version: seen.version + 2, decidedBy: sam.id });
    const sub = (await client(api).submissions.get.query({ id: s.id }, { cookie: seller.cookie })).data!;
    expect(sub).toMatchObject({ state: 'rejected', rejection: { reason: 'condition', note: 'warped' } });
  });

  it('refuses to decide an item someone else holds, and agents must claim first', async () => {
    const s = await submit(seller);
    const agent = await registerUser(api, { roles: ['agent'], displayName: 'Alex Agent' });
    const v = (await getItem(s.queueItemId)).item.version;
    const unclaimed = await client(api).queues.decide.mutate({ id: s.queueItemId, version: v, decision: 'accept' }, { cookie: agent.cookie });
    expect(unclaimed.error?.data.code).toBe('FORBIDDEN');
    const claimed = await client(api).queues.claim.mutate({ id: s.queueItemId }, { cookie: dana.cookie });
    const held = await client(api).queues.decide.mutate({ id: s.queueItemId, version: claimed.data!.version, decision: 'accept' }, { cookie: sam.cookie });
    expect(held.error?.data.code).toBe('CONFLICT');
    expect(held.error?.message).toMatch(/^Dana Lead has it/);
    // The lead hands it to the agent, who may then decide.
    const moved = await client(api).queues.reassign.mutate({ id: s.queueItemId, version: claimed.data!.version, toUserId: agent.id }, { cookie: sam.cookie });
    expect(moved.data).toMatchObject({ claimedBy: agent.id, claimedByName: 'Alex Agent' });
    expect((await client(api).queues.reassign.mutate({ id: s.queueItemId, version: moved.data!.version, toUserId: seller.id }, { cookie: sam.cookie })).error?.data.code).toBe('BAD_REQUEST');
    expect((await client(api).queues.release.mutate({ id: s.queueItemId }, { cookie: dana.cookie })).data).toMatchObject({ claimedBy: null });
  });

  it('returns an expired claim to the pool and tells everyone on queue:submissions', async () => {
    const quick = await startApi({ CLAIM_IDLE_MINUTES: '0.02', WORKER_IN_PROCESS: 'true' });
    try {
      const s = await submit(seller);
      const watcher = openSocket(quick, sam.cookie);
      await waitFor(watcher, 'connect');
      expect(await new Promise<{ ok: boolean }>((r) => watcher.emit('subscribe', 'queue:submissions', r))).toMatchObject({ ok: true });
      const claimedSeen = nextEvent<AnyLiveEvent>(watcher, 'event', (e) => e.name === 'queue.item.claimed' && e.payload.itemId === s.queueItemId);
      const expired = nextEvent<AnyLiveEvent>(watcher, 'event', (e) => e.name === 'queue.item.claim_expired' && e.payload.itemId === s.queueItemId, 15_000);
      const claimed = await client(quick).queues.claim.mutate({ id: s.queueItemId }, { cookie: dana.cookie });
      expect(claimed.data?.claimedBy).toBe(dana.id);
      expect(((await claimedSeen) as AnyLiveEvent & { payload: { item: QueueItemSnapshot } }).payload.item.claimedBy).toBe(dana.id);
      const event = (await expired) as AnyLiveEvent & { payload: { item: QueueItemSnapshot; previousHolderId: string } };
      expect(event.payload.previousHolderId).toBe(dana.id);
      expect(event.payload.item).toMatchObject({ claimedBy: null, lastAction: { action: 'claim_expired', actorId: null } });
      // Free for anyone now.
      expect((await client(api).queues.claim.mutate({ id: s.queueItemId }, { cookie: sam.cookie })).data?.claimedBy).toBe(sam.id);
      watcher.close();
    } finally {
      await quick.close();
    }
  });
});

describe('bulk actions', () => {
  it('rejects 200 items one by one: 3 changed meanwhile are reported, 197 rejected', { timeout: 120_000 }, async () => {
    const bulkSeller = await registerUser(api, { roles: ['seller'], displayName: 'Bulk Seller' });
    const created: Awaited<ReturnType<typeof submit>>[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      created.push(...(await Promise.all(Array.from({ length: 20 }, (_, i) => submit(bulkSeller, [record(batch * 20 + i)])))));
    }
    const page = (await client(api).queues.list.query({ queue: 'submissions', filter: { sellerId: bulkSeller.id }, limit: 200 }, { cookie: dana.cookie })).data!;
    expect(page.total).toBe(200);
    const selection = page.items.map((i) => ({ id: i.id, version: i.version }));
    // Someone else works three of them before the bulk action lands.
    const touched = selection.slice(10, 13).map((s) => s.id);
    for (const id of touched) expect((await client(api).queues.claim.mutate({ id }, { cookie: sam.cookie })).error).toBeUndefined();

    const socket = openSocket(api, dana.cookie);
    await waitFor(socket, 'connect');
    const progress: number[] = [];
    socket.on('event', (e: AnyLiveEvent) => {
      if (e.name === 'queue.bulk.progress') progress.push(e.payload.done);
    });
    const completed = nextEvent<AnyLiveEvent>(socket, 'event', (e) => e.name === 'queue.bulk.completed', 60_000);
    const result = await client(api).queues.bulk.mutate({ queue: 'submissions', action: 'reject', items: selection, reason: 'low_value', note: '' }, { cookie: dana.cookie });
    expect(result.error).toBeUndefined();
    expect(result.data!.succeeded).toHaveLength(197);
    expect(result.data!.failures.map((f) => f.itemId).sort()).toEqual([...touched].sort());
    for (const f of result.data!.failures) {
      expect(f.code).toBe('CONFLICT');
      expect(f.message).toMatch(/^Sam Second claimed this/);
    }
    const done = (await completed) as AnyLiveEvent & { payload: { succeeded: number; failures: unknown[] } };
    expect(done.payload).toMatchObject({ succeeded: 197 });
    expect(done.payload.failures).toHaveLength(3);
    await until(async () => progress.length, (n) => n >= 5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    socket.close();

    const after = (await client(api).queues.list.query({ queue: 'submissions', filter: { sellerId: bulkSeller.id, states: ['rejected', 'submitted'] }, limit: 200 }, { cookie: dana.cookie })).data!;
    const states = new Map(after.items.map((i) => [i.id, i.state]));
    expect([...states.values()].filter((s) => s === 'rejected')).toHaveLength(197);
    for (const id of touched) expect(states.get(id)).toBe('submitted');
    // Refused as a whole: too many, duplicates, or not allowed.
    const tooMany = await client(api).queues.bulk.mutate({ queue: 'submissions', action: 'accept', items: Array.from({ length: 501 }, () => selection[0]!) }, { cookie: dana.cookie });
    expect(tooMany.error?.data.code).toBe('BAD_REQUEST');
    expect(tooMany.error?.data.zodIssues).not.toBeNull();
    expect((await client(api).queues.bulk.mutate({ queue: 'submissions', action: 'accept', items: [selection[0]!, selection[0]!] }, { cookie: dana.cookie })).error?.data.code).toBe('BAD_REQUEST');
    const agent = await registerUser(api, { roles: ['agent'] });
    expect((await client(api).queues.bulk.mutate({ queue: 'submissions', action: 'assign', items: [selection[0]!], toUserId: agent.id }, { cookie: agent.cookie })).error?.data.code).toBe('FORBIDDEN');
  });
});

describe('notes, views and paging', () => {
  it('stores notes as written and notifies the people @mentioned, live', async () => {
    const s = await submit(seller);
    const mentioned = await registerUser(api, { roles: ['agent'], displayName: 'Mo Mention' });
    const socket = openSocket(api, mentioned.cookie);
    await waitFor(socket, 'connect');
    const notified = nextEvent<AnyLiveEvent>(socket, 'event', (e) => e.name === 'notification.created');
    const body = 'Looks like a **first pressing** — @MoMention can you check the matrix?';
    const added = await client(api).queues.addNote.mutate({ id: s.queueItemId, body }, { cookie: dana.cookie });
    expect(added.data?.mentioned.map((m) => m.id)).toEqual([mentioned.id]);
    const n = (await notified) as AnyLiveEvent & { payload: { kind: string; title: string; link: string } };
    expect(n.payload).toMatchObject({ kind: 'queue_mention', title: expect.stringContaining('Dana Lead mentioned you') as unknown, link: `/queues/submissions?item=${s.queueItemId}` });
    const detail = await getItem(s.queueItemId);
    expect(detail.notes.map((x) => x.body)).toEqual([body]);
    expect(detail.history.map((h) => h.name)).toEqual(expect.arrayContaining(['submission.submitted', 'queue.item.added', 'queue.note.added']));
    expect((await client(api).queues.addNote.mutate({ id: s.queueItemId, body: '  ' }, { cookie: dana.cookie })).error?.data.code).toBe('BAD_REQUEST');
    expect((await client(api).queues.get.query({ id: s.queueItemId }, { cookie: seller.cookie })).error?.data.code).toBe('FORBIDDEN');
    socket.close();
  });

  it('filters, sorts and pages with a cursor, and saves shared views', async () => {
    const pager = await registerUser(api, { roles: ['seller'], displayName: 'Paging Seller' });
    for (let i = 0; i < 7; i += 1) await submit(pager, [{ ...record(i), askingMinor: 1000 * (i + 1), grade: i % 2 ? 'NM' : 'G' }]);
    const input = { queue: 'submissions', filter: { sellerName: 'paging sell', conditions: ['NM'] }, sort: { field: 'value', direction: 'desc' }, limit: 2 } satisfies InputOf<'queues.list'>;
    const seen: QueueItemSnapshot[] = [];
    let cursor: string | null = null;
    do {
      const page: OutputOf<'queues.list'> = (await client(api).queues.list.query({ ...input, cursor }, { cookie: dana.cookie })).data!;
      expect(page.total).toBe(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((i) => i.valueMinor)).toEqual([...seen.map((i) => i.valueMinor)].sort((a, b) => b - a));
    expect(new Set(seen.map((i) => i.id)).size).toBe(3);
    expect(seen.every((i) => i.conditions.includes('NM') && i.sellerId === pager.id)).toBe(true);
    const bad = await client(api).queues.list.query({ ...input, filter: { minValueMinor: 10, maxValueMinor: 1 } }, { cookie: dana.cookie });
    expect(bad.error?.data.code).toBe('BAD_REQUEST');
    expect((await client(api).queues.list.query({ ...input, cursor: 'forged' }, { cookie: dana.cookie })).error?.data.code).toBe('BAD_REQUEST');

    const saved = await client(api).queues.savePreset.mutate({ queue: 'submissions', name: 'Good NM lots', shared: true, filter: input.filter, sort: input.sort }, { cookie: dana.cookie });
    expect(saved.data?.shared).toBe(true);
    const theirs = (await client(api).queues.presets.query({ queue: 'submissions' }, { cookie: sam.cookie })).data!;
    expect(theirs.find((p) => p.id === saved.data!.id)).toMatchObject({ mine: false, owner: { name: 'Dana Lead' } });
    expect((await client(api).queues.deletePreset.mutate({ id: saved.data!.id }, { cookie: sam.cookie })).error?.data.code).toBe('NOT_FOUND');
    expect((await client(api).queues.deletePreset.mutate({ id: saved.data!.id }, { cookie: dana.cookie })).data).toEqual({ deleted: true });
  });

  it('auto-assigns the oldest free items round-robin within capacity', async () => {
    const a = await registerUser(api, { roles: ['agent'], displayName: 'Rota One' });
    const b = await registerUser(api, { roles: ['agent'], displayName: 'Rota Two' });
    await submit(seller);
    const plan = await client(api).queues.autoAssign.mutate({ queue: 'submissions', capacity: 2, userIds: [a.id, b.id] }, { cookie: dana.cookie });
    expect(plan.error).toBeUndefined();
    const counts = new Map<string, number>();
    for (const p of plan.data!.assigned) counts.set(p.userId, (counts.get(p.userId) ?? 0) + 1);
    expect(counts.get(a.id)).toBe(2);
    expect(counts.get(b.id)).toBe(2);
    const mine = (await client(api).queues.list.query({ queue: 'submissions', filter: { assignee: 'me' } }, { cookie: a.cookie })).data!;
    expect(mine.items.map((i) => i.id).sort()).toEqual(plan.data!.assigned.filter((p) => p.userId === a.id).map((p) => p.itemId).sort());
    expect((await client(api).queues.autoAssign.mutate({ queue: 'submissions', capacity: 2 }, { cookie: a.cookie })).error?.data.code).toBe('FORBIDDEN');
  });
});
