// Tracing in real processes, started as production and development start them: the compiled build
// (`node dist/main.js`, `node dist/worker.js` — ESM, every node_modules package external) and tsx.
// The instrumentations patch http, pg and ioredis through the loader hooks only when the entries
// start tracing before they import the app; this proves they do. Spans go over OTLP/HTTP to a
// collector stand-in, and one trace must hold the API's request, its SQL and Redis commands, the
// outbox publication and the job the worker process ran.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { allowedOrigin, client } from './harness.js';
import { buildApiInto, dropRedisPrefixes, freePort, killAll, spawnProc, tsProc, type Proc, waitForUrl } from './processes.js';


interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  service: string;
  scope: string;
}

/** An OTLP/HTTP (JSON) collector stand-in: every span any process exported. */
let collector: Server;
let collectorUrl: string;
const exported: ExportedSpan[] = [];
let buildDir: string;
const prefixes: string[] = [];

beforeAll(async () => {
  collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = JSON.parse((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8')) as {
        resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { scope: { name: string }; spans: Omit<ExportedSpan, 'service' | 'scope'>[] }[] }[];
      };
      for (const rs of body.resourceSpans) {
        const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const ss of rs.scopeSpans) for (const s of ss.spans) exported.push({ traceId: s.traceId, spanId: s.spanId, ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}), name: s.name, kind: s.kind, service, scope: ss.scope.name });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  collectorUrl = `http://127.0.0.1:${(collector.address() as { port: number }).port}`;

  buildDir = await buildApiInto('tracing-build');
}, 120_000);

afterAll(async () => {
  await killAll();
  await new Promise<void>((r) => (collector ? collector.close(() => r()) : r()));
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  // The processes' queues and job schedulers, so no later worker on a reused Redis finds them.
  await dropRedisPrefixes(prefixes);
});

function env(): Record<string, string> {
  const prefix = `mdtrace_${randomBytes(3).toString('hex')}`;
  prefixes.push(prefix);
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_PREFIX: prefix,
    RUN_MIGRATIONS: 'false',
    LOG_LEVEL: 'warn',
    ALLOWED_ORIGINS: allowedOrigin,
    OUTBOX_POLL_MS: '200',
    MAIL_DIR: mkdtempSync(join(tmpdir(), 'md-trace-mail-')),
    OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
    // The batch processor's standard setting: export every 200 ms instead of 5 s.
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
}

type Start = (entry: 'main' | 'worker', env: Record<string, string>) => Proc;
const compiled: Start = (entry, e) => spawnProc(process.execPath, ['--enable-source-maps', join(buildDir, `${entry}.js`)], e);
const withTsx: Start = (entry, e) => tsProc(`apps/api/src/${entry}.ts`, e);

async function oneTraceAcrossProcesses(start: Start) {
  const common = env();
  const [apiPort, workerPort] = await Promise.all([freePort(), freePort()]);
  const api = start('main', { ...common, PORT: String(apiPort) });
  const worker = start('worker', { ...common, WORKER_METRICS_PORT: String(workerPort) });
  try {
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    await Promise.all([waitForUrl(`${baseUrl}/readyz`, undefined, 60_000, api), waitForUrl(`http://127.0.0.1:${workerPort}/healthz`, undefined, 60_000, worker)]);
    const email = `trace.${randomBytes(4).toString('hex')}@example.test`;
    const res = await client({ baseUrl }).auth.register.mutate({ email, password: 'correct horse battery', displayName: 'Traced' });
    expect(res.status).toBe(200);

    // The welcome mail's run in the worker process, in the trace of the request that registered.
    let trace: ExportedSpan[] = [];
    for (let i = 0; i < 300; i++) {
      const request = exported.find((s) => s.name === 'trpc auth.register' && s.service === 'marketdesk-api');
      trace = request ? exported.filter((s) => s.traceId === request.traceId) : [];
      const ids = new Set(trace.map((s) => s.spanId));
      const complete = trace.every((s) => !s.parentSpanId || ids.has(s.parentSpanId));
      if (complete && trace.some((s) => s.name === 'job mail.welcome') && trace.some((s) => s.service === 'marketdesk-worker' && s.scope === '@opentelemetry/instrumentation-pg')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const summary = trace.map((s) => `${s.service} ${s.scope}: ${s.name}`).join('\n');
    const has = (service: string, scope: string, name?: string) => trace.some((s) => s.service === service && s.scope === scope && (name === undefined || s.name === name));
    expect(has('marketdesk-api', '@opentelemetry/instrumentation-http'), summary).toBe(true);
    expect(has('marketdesk-api', '@fastify/otel', 'trpc auth.register'), summary).toBe(true);
    expect(has('marketdesk-api', '@opentelemetry/instrumentation-pg'), summary).toBe(true);
    expect(has('marketdesk-api', '@opentelemetry/instrumentation-ioredis'), summary).toBe(true);
    expect(has('marketdesk-api', 'marketdesk', 'outbox.publish'), summary).toBe(true);
    expect(has('marketdesk-api', 'bullmq'), summary).toBe(true);
    expect(has('marketdesk-worker', 'bullmq', 'process mail'), summary).toBe(true);
    expect(has('marketdesk-worker', 'marketdesk', 'job mail.welcome'), summary).toBe(true);
    expect(has('marketdesk-worker', '@opentelemetry/instrumentation-pg'), summary).toBe(true);
    // One root: the HTTP server span; every other span's parent is in the trace.
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => !s.parentSpanId).map((s) => s.scope)).toEqual(['@opentelemetry/instrumentation-http']);
    expect(trace.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId)).map((s) => s.name)).toEqual([]);
  } finally {
    await Promise.all([api.kill(), worker.kill()]);
  }
}

describe('tracing in real processes', () => {
  it('the compiled build (node dist/main.js, node dist/worker.js) traces a request into the worker\'s job run', async () => {
    await oneTraceAcrossProcesses(compiled);
  }, 120_000);

  it('so does development under tsx', async () => {
    exported.length = 0;
    await oneTraceAcrossProcesses(withTsx);
  }, 120_000);
});
