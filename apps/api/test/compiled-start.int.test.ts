// What the compiled API and worker load when they start, as production starts them
// (`node --enable-source-maps dist/main.js`, `dist/worker.js`) with no optional integration
// configured: none of the packages that load at their first use — the S3 SDK, Stripe, sharp,
// nodemailer, bull-board, date-holidays, libphonenumber, qrcode, arctic — and, in the worker,
// neither a web framework nor Node's bundled undici. Each of those costs megabytes of heap and
// tens to hundreds of milliseconds of start-up (bench/startup.ts measures the whole); a static
// import added anywhere would bring one back unnoticed, so this test names them. Stack traces map
// to the program's own TypeScript (its source maps are read) but no package's source maps are.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { buildApiInto, dropRedisPrefixes, freePort, killAll, spawnProc, waitForUrl } from './processes.js';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Loaded only when their feature is used (or configured): never by an idle process without configuration. */
const loadedOnFirstUse = ['@aws-sdk/client-s3', 'stripe', 'sharp', 'nodemailer', '@bull-board/api', '@bull-board/fastify', 'date-holidays', 'libphonenumber-js', 'qrcode', 'arctic'];

// Runs before the program (--import): records every module loaded (import and require alike), and
// on SIGUSR2 writes them with which source maps Node holds.
const probe = `
import { registerHooks, findSourceMap, getSourceMapsSupport } from 'node:module';
import { writeFileSync } from 'node:fs';
const loaded = [];
registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
process.on('SIGUSR2', () => {
  const mapped = (file) => findSourceMap(file) !== undefined;
  writeFileSync(process.env.PROBE_REPORT, JSON.stringify({
    loaded,
    builtins: process.moduleLoadList,
    sourceMaps: getSourceMapsSupport(),
    mapped: Object.fromEntries(JSON.parse(process.env.PROBE_MAPS).map((f) => [f, mapped(f)])),
  }));
});
`;

interface Report {
  loaded: string[];
  builtins: string[];
  sourceMaps: { enabled: boolean; nodeModules: boolean; generatedCode: boolean };
  mapped: Record<string, boolean>;
}

let buildDir: string;
let mailDir: string;
const prefixes: string[] = [];

beforeAll(async () => {
  buildDir = await buildApiInto('compiled-start');
  writeFileSync(join(buildDir, 'probe.mjs'), probe);
  mailDir = mkdtempSync(join(tmpdir(), 'md-start-mail-'));
}, 120_000);

afterAll(async () => {
  await killAll();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  if (mailDir) rmSync(mailDir, { recursive: true, force: true });
  await dropRedisPrefixes(prefixes);
});

/** Starts a compiled entry with the probe, waits until it answers `path`, and reads the probe's report. */
async function startAndReport(entry: 'main' | 'worker', path: string, mapsToCheck: string[]): Promise<Report> {
  const port = await freePort();
  const prefix = `mdstart_${randomBytes(3).toString('hex')}`;
  prefixes.push(prefix);
  const report = join(buildDir, `${entry}-report.json`);
  const proc = spawnProc(process.execPath, ['--enable-source-maps', '--import', join(buildDir, 'probe.mjs'), join(buildDir, `${entry}.js`)], {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATABASE_URL: inject('databaseUrl'),
    REDIS_PREFIX: prefix,
    RUN_MIGRATIONS: 'false',
    LOG_LEVEL: 'warn',
    MAIL_DIR: mailDir,
    ...(entry === 'main' ? { PORT: String(port) } : { WORKER_METRICS_PORT: String(port) }),
    PROBE_REPORT: report,
    PROBE_MAPS: JSON.stringify(mapsToCheck),
  });
  try {
    await waitForUrl(`http://127.0.0.1:${port}${path}`, (status) => status === 200, 60_000, proc);
    proc.child.kill('SIGUSR2');
    for (let i = 0; i < 100 && !existsSync(report); i++) await new Promise((r) => setTimeout(r, 50));
    return JSON.parse(readFileSync(report, 'utf8')) as Report;
  } finally {
    await proc.kill();
  }
}

/** The packages among `urls` (node_modules/<name>/…, the innermost). */
const packagesOf = (urls: string[]) => new Set(urls.flatMap((u) => [...u.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].slice(-1).map((m) => m[1]!)));

// A package that ships source maps and that both processes load (the PostgreSQL client's protocol).
const packageWithSourceMap = join(repoRoot, 'node_modules/pg-protocol/dist/index.js');

it('starts the API without loading what loads on first use, mapping stack traces to its own sources only', async () => {
  const ownChunk = join(buildDir, 'chunks', readdirSync(join(buildDir, 'chunks')).find((f) => f.startsWith('create-app-') && f.endsWith('.js'))!);
  const report = await startAndReport('main', '/readyz', [ownChunk, packageWithSourceMap]);
  const loaded = packagesOf(report.loaded);
  expect(loaded).toContain('fastify'); // the probe saw the program's packages
  expect(loaded).toContain('pg-protocol');
  expect(loadedOnFirstUse.filter((p) => loaded.has(p))).toEqual([]);
  expect(report.sourceMaps).toEqual({ enabled: true, nodeModules: false, generatedCode: false });
  expect(report.mapped).toEqual({ [ownChunk]: true, [packageWithSourceMap]: false });
}, 120_000);

it('starts the worker without them, without a web framework, and without Node’s bundled undici', async () => {
  const report = await startAndReport('worker', '/healthz', [join(buildDir, 'worker.js'), packageWithSourceMap]);
  const loaded = packagesOf(report.loaded);
  expect(loaded).toContain('bullmq');
  expect(loaded).toContain('pg-protocol');
  expect(loadedOnFirstUse.filter((p) => loaded.has(p))).toEqual([]);
  // It serves no HTTP but its metrics: no web framework, no upload parsing.
  expect(['fastify', '@fastify/multipart', 'socket.io'].filter((p) => loaded.has(p))).toEqual([]);
  expect(report.builtins.filter((m) => m.includes('undici'))).toEqual([]);
  expect(report.sourceMaps).toEqual({ enabled: true, nodeModules: false, generatedCode: false });
  expect(report.mapped).toEqual({ [join(buildDir, 'worker.js')]: true, [packageWithSourceMap]: false });
}, 120_000);
