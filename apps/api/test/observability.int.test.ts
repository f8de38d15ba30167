// Observability end to end: /metrics is scraped and holds the named series, it is closed to
// strangers, the job dashboard is admin-only, request ids reach jobs, and (with tracing on) one
// trace runs from the HTTP request through the tRPC procedure into SQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { initTracing } from '../src/observability/tracing.js';
import { observeJob, withJobMeta, jobMetaOf } from '../src/observability/job-observability.js';
import { runWithRequestContext } from '../src/observability/request-context.js';
import { metricsAllowed } from '../src/observability/metrics-route.js';
import type { AnyLiveEvent } from '@marketdesk/domain';
import { allowedOrigin, mutate, nextEvent, openSocket, query, registerUser, startApi, waitFor, type RunningApi } from './harness.js';

const spans = new InMemorySpanExporter();
const tracing = initTracing({ serviceName: 'marketdesk-test', processor: new SimpleSpanProcessor({ exporter: spans }) });
let api: RunningApi;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => {
  await api.close();
  await tracing.shutdown();
});

it('serves the named series on /metrics to a loopback scraper', async () => {
  const user = await registerUser(api);
  await query(api, 'auth.me', undefined, { cookie: user.cookie });
  const socket = openSocket(api, user.cookie);
  await waitFor(socket, 'connect');
  await mutate(api, 'profile.update', { displayName: 'Metric Person' }, { cookie: user.cookie });
  await api.app.relay.drain();
  const res = await fetch(`${api.baseUrl}/metrics`);
  expect(res.status).toBe(200);
  const text = await res.text();
  for (const series of [
    'marketdesk_http_request_duration_seconds_bucket',
    'marketdesk_trpc_procedure_duration_seconds_bucket{le="0.005",procedure="auth.me",type="query",status="200"}',
    'marketdesk_socket_connections 1',
    'marketdesk_live_room_fanout_sockets_bucket',
    'marketdesk_live_events_emitted_total',
    'marketdesk_outbox_lag_seconds_bucket',
    'marketdesk_outbox_unpublished_events',
    'marketdesk_outbox_oldest_unpublished_age_seconds',
    'marketdesk_bullmq_queue_jobs{queue="mail",state="waiting"}',
    'marketdesk_bullmq_job_duration_seconds',
    'marketdesk_ledger_transfers_total',
    'marketdesk_process_resident_memory_bytes',
  ]) {
    expect(text, series).toContain(series);
  }
  socket.close();
});

it('refuses /metrics without the token when one is set, and never trusts X-Forwarded-For', async () => {
  expect(metricsAllowed(undefined, undefined, '10.0.0.5')).toBe(false);
  expect(metricsAllowed(undefined, undefined, '127.0.0.1')).toBe(true);
  const token = 'a-long-metrics-token-0123';
  expect(metricsAllowed(token, undefined, '127.0.0.1')).toBe(false);
  expect(metricsAllowed(token, `Bearer ${token}`, '10.0.0.5')).toBe(true);
  const guarded = await startApi({ METRICS_TOKEN: token });
  try {
    expect((await fetch(`${guarded.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${guarded.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
    expect((await fetch(`${guarded.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  } finally {
    await guarded.close();
  }
});

it('shows the job dashboard to admins only', async () => {
  const [buyer, admin] = await Promise.all([registerUser(api), registerUser(api, { roles: ['admin'] })]);
  expect((await fetch(`${api.baseUrl}/admin/queues`)).status).toBe(401);
  expect((await fetch(`${api.baseUrl}/admin/queues`, { headers: { cookie: buyer.cookie } })).status).toBe(403);
  const page = await fetch(`${api.baseUrl}/admin/queues`, { headers: { cookie: admin.cookie } });
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('Marketdesk jobs');
  const queues = await fetch(`${api.baseUrl}/admin/queues/api/queues?activeQueue=mail&page=1&jobsPerPage=10`, { headers: { cookie: admin.cookie } });
  expect(queues.status).toBe(200);
  expect(JSON.stringify(await queues.json())).toContain('"name":"mail"');
});

it('carries the request id into jobs and their logs', async () => {
  const data = runWithRequestContext({ requestId: 'req-abc' }, () => withJobMeta({ orderId: 'o1' }));
  expect(jobMetaOf(data)).toEqual({ requestId: 'req-abc' });
  let seen: string | undefined;
  await observeJob('mail', { name: 'mail.welcome', id: '1', data }, async (meta) => void (seen = meta?.requestId));
  expect(seen).toBe('req-abc');
});

it('hands the request id from the request to the live event and to the jobs the relay enqueues', async () => {
  const post = (path: string, body: unknown, requestId: string, cookie?: string) =>
    fetch(`${api.baseUrl}/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: allowedOrigin, 'x-request-id': requestId, ...(cookie ? { cookie } : {}) }, body: JSON.stringify({ json: body }) });
  const email = `rid.${Date.now()}@example.test`;
  const registered = await post('auth.register', { email, password: 'correct horse battery', displayName: 'Rid' }, 'req-register-1');
  const cookie = registered.headers.get('set-cookie')!.split(';')[0]!;
  const socket = openSocket(api, cookie);
  await waitFor(socket, 'connect');
  const live = nextEvent<AnyLiveEvent & { requestId?: string }>(socket, 'event', (e) => e.name === 'user.profile.updated');
  await post('profile.update', { displayName: 'Rid Renamed' }, 'req-rename-1', cookie);
  expect((await live).requestId).toBe('req-rename-1');
  await api.app.relay.drain();
  const jobs = await api.app.queues.queue('mail').getJobs(['waiting', 'delayed', 'active', 'completed']);
  expect(jobs.some((j) => (j.data as { _meta?: { requestId?: string } })._meta?.requestId === 'req-register-1')).toBe(true);
  socket.close();
});

it('traces one request from HTTP through the procedure into SQL', async () => {
  spans.reset();
  const res = await fetch(`${api.baseUrl}/trpc/auth.me`, { headers: { 'x-request-id': 'trace-me-1' } });
  expect(res.headers.get('x-request-id')).toBe('trace-me-1');
  const user = await registerUser(api);
  spans.reset();
  await query(api, 'auth.me', undefined, { cookie: user.cookie });
  const finished = spans.getFinishedSpans();
  const server = finished.find((s) => s.name === 'trpc auth.me');
  expect(server).toBeDefined();
  const sql = finished.filter((s) => s.name === 'pg.query' && s.spanContext().traceId === server!.spanContext().traceId);
  expect(sql.length).toBeGreaterThan(0); // the session lookup ran under the request's span

  // A write: request → SQL → outbox publication → the job it enqueued, all in one trace.
  spans.reset();
  const fresh = await registerUser(api);
  await api.app.relay.drain();
  const register = spans.getFinishedSpans().find((s) => s.name === 'trpc auth.register')!;
  const traceId = register.spanContext().traceId;
  expect(spans.getFinishedSpans().some((s) => s.name === 'outbox.publish' && s.spanContext().traceId === traceId)).toBe(true);
  const jobs = await api.app.queues.queue('mail').getJobs(['waiting', 'delayed', 'active', 'completed']);
  const welcome = jobs.find((j) => (j.data as { userId?: string }).userId === fresh.id)!;
  await observeJob('mail', { name: welcome.name, id: welcome.id, data: welcome.data }, async () => undefined);
  expect(spans.getFinishedSpans().some((s) => s.name === 'job mail.welcome' && s.spanContext().traceId === traceId)).toBe(true);
});
