// Observability end to end: /metrics is scraped and holds the named series, it is closed to
// strangers, the job dashboard is admin-only, request ids reach jobs, and (with tracing on) one trace
// runs from the HTTP request through the tRPC procedure and its SQL into the outbox and the job run.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, SamplingDecision, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import type { AnyLiveEvent } from '@marketdesk/domain';
import { startTracing } from '../src/observability/tracing.js';

// Tracing starts before the app is imported, as main.ts does: the instrumentations patch http, pg and
// ioredis as they load. Everything that loads them is imported after this line.
const spans = new InMemorySpanExporter();
const tracing = await startTracing({ serviceName: 'marketdesk-test', processor: new SimpleSpanProcessor({ exporter: spans }) });
const { observeJob, withJobMeta, jobMetaOf } = await import('../src/observability/job-observability.js');
const { runWithRequestContext } = await import('../src/observability/request-context.js');
const { metricsAllowed } = await import('../src/observability/metrics-route.js');
const { cspHeader, jobDashboardContentSecurityPolicy } = await import('../src/http/security-headers.js');
const { rootSampler } = await import('../src/observability/tracing-sdk.js');
const { OutboxEvent } = await import('@marketdesk/db');
const { allowedOrigin, client, nextEvent, openSocket, registerUser, startApi, waitFor } = await import('./harness.js');
type RunningApi = Awaited<ReturnType<typeof startApi>>;

const pgScope = '@opentelemetry/instrumentation-pg';
const inTrace = (traceId: string) => spans.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
const named = (name: string) => spans.getFinishedSpans().filter((s) => s.name === name);
async function eventually<T>(find: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never saw ${what}`);
}

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
  await client(api).auth.me.query(undefined, { cookie: user.cookie });
  const socket = openSocket(api, user.cookie);
  await waitFor(socket, 'connect');
  await client(api).profile.update.mutate({ displayName: 'Metric Person' }, { cookie: user.cookie });
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
  const html = await page.text();
  expect(html).toContain('Marketdesk jobs');
  // The page runs under the dashboard's own policy (its <base> allowed) and asks nothing of Google Fonts.
  expect(page.headers.get('content-security-policy')).toBe(cspHeader(jobDashboardContentSecurityPolicy));
  expect(html).not.toContain('fonts.googleapis.com');
  // Its script, by the relative URL the page names (under <base href="/admin/queues/">), whole.
  const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const asset = await fetch(new URL(script!, `${api.baseUrl}/admin/queues/`), { headers: { cookie: admin.cookie } });
  expect(asset.status).toBe(200);
  expect(asset.headers.get('content-type')).toMatch(/javascript/);
  const body = Buffer.from(await asset.arrayBuffer());
  expect(body.length).toBeGreaterThan(1000);
  expect(Number(asset.headers.get('content-length'))).toBe(body.length);
  const queues = await fetch(`${api.baseUrl}/admin/queues/api/queues?activeQueue=mail&page=1&jobsPerPage=10`, { headers: { cookie: admin.cookie } });
  expect(queues.status).toBe(200);
  expect(JSON.stringify(await queues.json())).toContain('"name":"mail"');
  // A call with a body reaches bull-board as sent: the dashboard replaces a (delayed, never run) job's data.
  const job = await api.app.queues.queue('mail').add('dashboard.probe', { before: true }, { delay: 3_600_000 });
  try {
    const edit = (cookie: string) =>
      fetch(`${api.baseUrl}/admin/queues/api/queues/mail/${job.id}/update-data`, {
        method: 'PATCH',
        headers: { cookie, origin: allowedOrigin, 'content-type': 'application/json' },
        body: JSON.stringify({ jobData: { after: 'edited' } }),
      });
    expect((await edit(buyer.cookie)).status).toBe(403);
    expect((await edit(admin.cookie)).status).toBe(200);
    expect((await api.app.queues.queue('mail').getJob(job.id!))?.data).toEqual({ after: 'edited' });
  } finally {
    await job.remove();
  }
});

it('carries the request id into jobs and their logs', async () => {
  const data = runWithRequestContext({ requestId: 'req-abc' }, () => withJobMeta({ orderId: 'o1' }));
  expect(jobMetaOf(data)).toEqual({ requestId: 'req-abc' });
  let seen: string | undefined;
  await observeJob('mail', { name: 'mail.welcome', id: '1', data }, async (meta) => void (seen = meta?.requestId));
  expect(seen).toBe('req-abc');
});

it('hands the request id from the request to the live event and to the jobs the relay enqueues', async () => {
  const email = `rid.${Date.now()}@example.test`;
  const registered = await client(api).auth.register.mutate({ email, password: 'correct horse battery', displayName: 'Rid' }, { headers: { 'x-request-id': 'req-register-1' } });
  const cookie = registered.setCookie!;
  const socket = openSocket(api, cookie);
  await waitFor(socket, 'connect');
  const live = nextEvent<AnyLiveEvent & { requestId?: string }>(socket, 'event', (e) => e.name === 'user.profile.updated');
  await client(api).profile.update.mutate({ displayName: 'Rid Renamed' }, { cookie, headers: { 'x-request-id': 'req-rename-1' } });
  expect((await live).requestId).toBe('req-rename-1');
  await api.app.relay.drain();
  const jobs = await api.app.queues.queue('mail').getJobs(['waiting', 'delayed', 'active', 'completed']);
  expect(jobs.some((j) => (j.data as { _meta?: { requestId?: string } })._meta?.requestId === 'req-register-1')).toBe(true);
  socket.close();
});

it('traces one request from HTTP through the procedure into SQL', async () => {
  const user = await registerUser(api);
  spans.reset();
  await client(api).auth.me.query(undefined, { cookie: user.cookie });
  const request = await eventually(() => named('trpc auth.me')[0], 'the request span');
  const traceId = request.spanContext().traceId;
  // The HTTP server span (instrumentation-http) is the root; Fastify's request span is its child.
  const server = await eventually(() => inTrace(traceId).find((s) => s.kind === SpanKind.SERVER), 'the server span');
  expect(server.parentSpanContext).toBeUndefined();
  expect(request.parentSpanContext?.spanId).toBe(server.spanContext().spanId);
  expect(request.attributes['request.id']).toEqual(expect.any(String));
  // The session lookup ran under the request: one pg span per statement, in the request's trace.
  const sql = inTrace(traceId).filter((s) => s.instrumentationScope.name === pgScope);
  expect(sql.length).toBeGreaterThan(0);
  expect(sql.every((s) => s.kind === SpanKind.CLIENT && String(s.attributes['db.query.text'] ?? s.attributes['db.statement']).length > 0)).toBe(true);
  // Without the values MikroORM writes into the text (the session's id hash, the user's email…).
  for (const s of sql) expect(String(s.attributes['db.query.text'])).not.toMatch(/'|@example/);
});

it("continues the caller's trace from its traceparent", async () => {
  spans.reset();
  const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
  const callerSpan = '00f067aa0ba902b7';
  const res = await client(api).auth.me.query(undefined, { headers: { traceparent: `00-${callerTrace}-${callerSpan}-01` } });
  expect(res.status).toBe(200);
  const request = await eventually(() => named('trpc auth.me')[0], 'the request span');
  expect(request.spanContext().traceId).toBe(callerTrace);
  const server = await eventually(() => inTrace(callerTrace).find((s) => s.kind === SpanKind.SERVER), 'the server span');
  expect(server.parentSpanContext).toMatchObject({ traceId: callerTrace, spanId: callerSpan, isRemote: true });
});

it('does not trace probes', async () => {
  spans.reset();
  expect((await fetch(`${api.baseUrl}/healthz`)).status).toBe(200);
  expect((await fetch(`${api.baseUrl}/metrics`)).status).toBe(200);
  await client(api).auth.me.query();
  const request = await eventually(() => named('trpc auth.me')[0], 'the request span');
  await eventually(() => inTrace(request.spanContext().traceId).find((s) => s.kind === SpanKind.SERVER), 'the server span');
  // The request after the probe and the scrape is the only one traced.
  expect(spans.getFinishedSpans().filter((s) => s.kind === SpanKind.SERVER || s.instrumentationScope.name === '@fastify/otel').map((s) => s.name).sort()).toEqual(['GET /trpc/:path', 'handler - fastifyTRPCPlugin', 'trpc auth.me']);
});

it('starts no trace for BullMQ worker polling, and keeps every other root', () => {
  const decide = (name: string, kind: SpanKind) => rootSampler.shouldSample(ROOT_CONTEXT, '0af7651916cd43dd8448eb211c80319c', name, kind, {}, []).decision;
  expect(decide('getNextJob mail', SpanKind.INTERNAL)).toBe(SamplingDecision.NOT_RECORD);
  expect(decide('moveStalledJobsToWait payments', SpanKind.INTERNAL)).toBe(SamplingDecision.NOT_RECORD);
  expect(decide('process mail', SpanKind.CONSUMER)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  expect(decide('outbox.publish', SpanKind.INTERNAL)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
  expect(decide('GET', SpanKind.SERVER)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
});

it('hands the trace context on through the outbox row and the job payload', async () => {
  spans.reset();
  const fresh = await registerUser(api);
  const register = await eventually(() => named('trpc auth.register')[0], 'the request span');
  const traceId = register.spanContext().traceId;
  const em = api.app.db.orm.em.fork();
  const rows = await em.find(OutboxEvent, { name: 'user.registered' as never }, { orderBy: { id: 'desc' }, limit: 20 });
  const row = rows.find((r) => (r.payload as { userId?: string }).userId === fresh.id);
  expect(row?.trace?.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
  await api.app.relay.drain();
  const publish = named('outbox.publish').find((s) => s.spanContext().traceId === traceId);
  expect(publish).toBeDefined();
  const jobs = await api.app.queues.queue('mail').getJobs(['waiting', 'delayed', 'active', 'completed']);
  const welcome = jobs.find((j) => (j.data as { userId?: string }).userId === fresh.id)!;
  // The job continues the outbox publication's trace: _meta names its span.
  expect(jobMetaOf(welcome.data)?.traceparent).toBe(`00-${traceId}-${publish!.spanContext().spanId}-01`);
  await observeJob('mail', { name: welcome.name, id: welcome.id, data: welcome.data }, async () => undefined);
  expect(named('job mail.welcome').some((s) => s.spanContext().traceId === traceId)).toBe(true);
});

it('runs one trace from the request through its SQL and the outbox into the job the worker runs', async () => {
  // A second API with the BullMQ workers in process: the welcome mail is sent by a real job run.
  const withWorker = await startApi({ WORKER_IN_PROCESS: 'true' });
  try {
    spans.reset();
    await registerUser(withWorker, { displayName: 'Trace Person' });
    const register = await eventually(() => named('trpc auth.register')[0], 'the request span');
    const traceId = register.spanContext().traceId;
    const run = await eventually(() => named('job mail.welcome').find((s) => s.attributes['request.id'] === register.attributes['request.id']), 'the welcome job run');
    expect(run.spanContext().traceId).toBe(traceId);
    let trace = inTrace(traceId);
    const ancestors = (s: ReadableSpan): string[] => {
      const parent = s.parentSpanContext && trace.find((p) => p.spanContext().spanId === s.parentSpanContext!.spanId);
      return parent ? [parent.name, ...ancestors(parent)] : [];
    };
    // request → outbox.publish → BullMQ add → BullMQ process → the job run, every link in one trace.
    // A span is exported when it ends, and parents end after their children: read the trace once
    // the whole chain is in (the job run's own span ends before BullMQ's `process` span around it).
    await eventually(() => {
      trace = inTrace(traceId);
      const chain = ancestors(run);
      return trace.some((s) => s.kind === SpanKind.SERVER) && chain.includes('process mail') && chain.includes('outbox.publish') ? chain : undefined;
    }, "the job run's chain of parent spans");
    expect(ancestors(run)).toEqual(expect.arrayContaining(['process mail', 'outbox.publish']));
    expect(trace.some((s) => s.kind === SpanKind.PRODUCER && s.name.startsWith('add '))).toBe(true);
    // SQL of the request and SQL of the job run, both in the trace.
    const sql = trace.filter((s) => s.instrumentationScope.name === pgScope);
    expect(sql.some((s) => ancestors(s).includes('trpc auth.register'))).toBe(true);
    expect(sql.some((s) => ancestors(s).includes('job mail.welcome'))).toBe(true);
  } finally {
    await withWorker.close();
  }
});
