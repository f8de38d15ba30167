// The dashboard's queue overview (queues.overview): one answer for every queue the person may see,
// with open items, unclaimed ones, the oldest, and SLA risk counted as the domain's queueSlaRisk.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueNames, queueSlaRisk, type QueueItemSnapshot } from '@marketdesk/domain';
import { client, registerUser, startApi, type OutputOf, type RunningApi } from './harness.js';

type Person = Awaited<ReturnType<typeof registerUser>>;

let api: RunningApi;
let seller: Person;
let dana: Person;
let alex: Person;

const exec = (q: string, p: unknown[]) => api.app.db.orm.em.fork().getConnection().execute(q, p) as Promise<Record<string, unknown>[]>;
const overview = async (who: Person) => (await client(api).queues.overview.query(undefined, { cookie: who.cookie }));
const row = (rows: OutputOf<'queues.overview'> | undefined, queue: string) => rows!.find((r) => r.queue === queue)!;

async function submit(n: number) {
  const res = await client(api).submissions.create.mutate({ items: [{ artist: `Overview Artist ${n}`, title: `Overview ${n}`, format: 'lp', grade: 'VG+', askingMinor: 2500 }] }, { cookie: seller.cookie });
  if (!res.data) throw new Error(`submit failed: ${JSON.stringify(res.error)}`);
  return res.data;
}

beforeAll(async () => {
  api = await startApi();
  [seller, dana, alex] = await Promise.all([
    registerUser(api, { roles: ['seller', 'buyer'], displayName: 'Owen Overview' }),
    registerUser(api, { roles: ['admin', 'agent'], displayName: 'Dana Lead' }),
    registerUser(api, { roles: ['agent'], displayName: 'Alex Agent' }),
  ]);
});
afterAll(async () => {
  await api.close();
});

describe('queues.overview', () => {
  it('counts open, unclaimed, the oldest, at risk and overdue per queue, as the domain reads each row', async () => {
    const before = (await overview(dana)).data!;
    const [late, risky, held] = [await submit(1), await submit(2), await submit(3)];
    const now = Date.now();
    const old = new Date(Date.UTC(2001, 0, 2));
    // Past its deadline (and the oldest item in any queue); three quarters of the way to it; held by Alex.
    await exec('update queue_items set created_at = ?, sla_due_at = ? where id = ?', [old, new Date(now - 60_000), late.queueItemId]);
    await exec('update queue_items set created_at = ?, sla_due_at = ? where id = ?', [new Date(now - 80 * 60_000), new Date(now + 20 * 60_000), risky.queueItemId]);
    await client(api).queues.claim.mutate({ id: held.queueItemId }, { cookie: alex.cookie });

    const after = (await overview(dana)).data!;
    const [b, a] = [row(before, 'submissions'), row(after, 'submissions')];
    expect(a).toEqual({ queue: 'submissions', open: b.open + 3, unclaimed: b.unclaimed + 2, atRisk: b.atRisk + 2, overdue: b.overdue + 1, oldestAtMs: old.getTime() });

    // The SQL says what the domain says about every open row the queue lists.
    const listed: QueueItemSnapshot[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: QueueItemSnapshot[]; nextCursor: string | null } = (await client(api).queues.list.query({ queue: 'submissions', filter: {}, sort: { field: 'created_at', direction: 'asc' }, limit: 200, ...(cursor ? { cursor } : {}) }, { cookie: dana.cookie })).data!;
      listed.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const at = Date.now();
    const risks = listed.map((i) => queueSlaRisk(i, at));
    expect(a.open).toBe(listed.length);
    expect(a.overdue).toBe(risks.filter((r) => r === 'overdue').length);
    expect(a.atRisk).toBe(risks.filter((r) => r === 'overdue' || r === 'at_risk').length);
    expect(a.unclaimed).toBe(listed.filter((i) => !i.claimedBy).length);
  });

  it('answers only for the queues the person may see, and refuses people who work none', async () => {
    expect((await overview(dana)).data!.map((r) => r.queue)).toEqual([...queueNames]);
    // Agents do not approve payouts (payouts.approve), so that queue is not theirs to watch.
    expect((await overview(alex)).data!.map((r) => r.queue)).toEqual(queueNames.filter((q) => q !== 'payouts'));
    const refused = await overview(seller);
    expect(refused.error?.data.code).toBe('FORBIDDEN');
  });
});
