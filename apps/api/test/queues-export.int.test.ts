// A CSV export of 50,000 queue rows runs as a job that pages through the view (never the whole set
// in memory), reports progress live on the requester's room, and streams the finished file; plus
// the queue dashboard's figures.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { client, openSocket, registerUser, startApi, until, waitFor, type RunningApi } from './harness.js';

let api: RunningApi;
beforeAll(async () => {
  api = await startApi({ WORKER_IN_PROCESS: 'true', UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'md-exports-')) });
});
afterAll(async () => {
  await api.close();
});

it('exports 50,000 rows of a filtered view as CSV, streamed, with live progress', async () => {
  const [admin, seller] = await Promise.all([registerUser(api, { roles: ['admin'], displayName: 'Exporting Admin' }), registerUser(api, { roles: ['seller'], displayName: 'Bulk Seller' })]);
  const conn = api.app.db.orm.em.fork().getConnection();
  // 50,000 open items and a few decided ones in the fraud queue, alone: rows other files' orders
  // left there (the order review tests) are removed first, so the counts below are exact.
  await conn.execute(`delete from queue_items where queue = 'fraud'`);
  await conn.execute(
    `insert into queue_items (id, queue, subject_id, state, version, priority, title, seller_id, value_minor, currency, conditions, waiting_on, last_activity_at, created_at, updated_at)
     select gen_random_uuid(), 'fraud', gen_random_uuid(), 'open', 1, 0, 'Order risk ' || g, ?, 1000 + g, 'EUR', '{}', 'staff', now(), now() - (g || ' seconds')::interval, now()
       from generate_series(1, 50000) g`,
    [seller.id],
  );
  await conn.execute(
    `insert into queue_items (id, queue, subject_id, state, version, priority, title, seller_id, value_minor, currency, conditions, waiting_on, last_activity_at, decided_by, decided_at, created_at, updated_at)
     select gen_random_uuid(), 'fraud', gen_random_uuid(), case when g % 2 = 0 then 'approved' else 'rejected' end, 2, 0, 'Decided ' || g, ?, 500, 'EUR', '{}', 'staff', now(), ?, now() - (g || ' minutes')::interval, now() - interval '1 day', now()
       from generate_series(1, 10) g`,
    [seller.id, admin.id],
  );

  const socket = openSocket(api, admin.cookie);
  await waitFor(socket, 'connect');
  const progress: { rows: number; state: string }[] = [];
  socket.on('event', (e: { name: string; payload: { rows: number; state: string } }) => {
    if (e.name === 'queue.export.progress') progress.push(e.payload);
  });

  const started = await client(api).queues.export.mutate({ queue: 'fraud', filter: {}, sort: { field: 'created_at', direction: 'asc' } }, { cookie: admin.cookie });
  expect(started.error).toBeUndefined();
  const status = await until(
    async () => (await client(api).queues.exportStatus.query({ id: started.data!.exportId }, { cookie: admin.cookie })).data!,
    (s) => s.state !== 'running',
    60_000,
  );
  expect(status).toMatchObject({ state: 'ready', rows: 50_000 });
  await until(async () => progress, (p) => p.some((x) => x.state === 'ready'));
  socket.disconnect();
  expect(progress.filter((p) => p.state === 'running').length).toBeGreaterThanOrEqual(10);
  expect(progress.map((p) => p.rows)).toEqual([...progress.map((p) => p.rows)].sort((a, b) => a - b));

  const file = await fetch(`${api.baseUrl}${status.downloadUrl}`, { headers: { cookie: admin.cookie } });
  expect(file.status).toBe(200);
  const lines = (await file.text()).trim().split('\r\n');
  expect(lines).toHaveLength(50_001);
  expect(lines[0]).toBe('id,queue,state,title,seller,value,currency,conditions,claimed_by,created_at,decided_at,last_action');
  expect(lines[1]).toContain('Order risk 50000');
  expect(lines[1]).toContain('Bulk Seller');
  const other = await registerUser(api, { roles: ['admin'] });
  expect((await fetch(`${api.baseUrl}${status.downloadUrl}`, { headers: { cookie: other.cookie } })).status).toBe(404);

  const stats = await client(api).queues.stats.query({ queue: 'fraud' }, { cookie: admin.cookie });
  expect(stats.data?.countsByState).toMatchObject({ open: 50_000, approved: 5, rejected: 5 });
  expect(stats.data?.acceptanceRate).toBe(0.5);
  expect(stats.data?.throughput).toEqual([{ id: admin.id, name: 'Exporting Admin', decisions: 10 }]);
  expect(stats.data!.medianSecondsToDecision).toBeGreaterThan(80_000);
  const buyer = await registerUser(api);
  expect((await client(api).queues.export.mutate({ queue: 'fraud' }, { cookie: buyer.cookie })).error?.data.code).toBe('FORBIDDEN');
  const staffList = await client(api).queues.staff.query({ queue: 'fraud' }, { cookie: admin.cookie });
  expect(staffList.data?.map((p) => p.id)).toContain(admin.id);
  expect(staffList.data?.map((p) => p.id)).not.toContain(seller.id);
}, 120_000);
